package io.crosscast.web.list;

import io.crosscast.list.ListException;
import io.crosscast.list.ListService;
import io.crosscast.list.ListSummary;
import io.crosscast.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/** Backing bean of lists/index.xhtml: all lists with their sizes; create and delete. */
@Named
@ViewScoped
public class ListsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ListService lists;

    private List<ListSummary> all;
    private String name;
    private String description;

    @PostConstruct
    void load() {
        all = lists.all();
    }

    public void create() {
        try {
            lists.create(name, description);
            Messages.info("lists.created", name.trim());
            name = null;
            description = null;
            load();
            PrimeFaces.current().ajax().addCallbackParam("created", true);
        } catch (ListException e) {
            Messages.error("listsForm:newName", Messages.text(e.code()));
        }
    }

    public void delete(ListSummary list) {
        try {
            lists.delete(list.id());
            Messages.info("lists.deleted", list.name());
        } catch (ListException e) {
            Messages.error(null, Messages.text(e.code()));
        }
        load();
    }

    public List<ListSummary> getAll() {
        return all;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
