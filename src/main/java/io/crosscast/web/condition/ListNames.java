package io.crosscast.web.condition;

import io.crosscast.list.ListName;
import io.crosscast.list.ListService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/** Suggests existing list names while a user types one. */
@Named
@RequestScoped
public class ListNames {

    @EJB
    private ListService lists;

    public List<String> complete(String typed) {
        String query = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        return lists.names().stream()
                .map(ListName::name)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(query))
                .limit(20)
                .toList();
    }
}
