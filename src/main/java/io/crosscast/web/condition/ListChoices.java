package io.crosscast.web.condition;

import io.crosscast.list.ListName;
import io.crosscast.list.ListService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The recipient lists offered by "member of list" rules (read once per request). */
@Named
@RequestScoped
public class ListChoices {

    @EJB
    private ListService lists;

    private List<ListName> all;

    public List<ListName> getLists() {
        if (all == null) {
            all = lists.names();
        }
        return all;
    }
}
