package io.crosscast.web.audience;

import io.crosscast.audience.QuarantineService;
import io.crosscast.audience.QuarantineService.Entry;
import io.crosscast.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The quarantine page: addresses and numbers refused for good by a server, and releasing them. */
@Named
@ViewScoped
public class QuarantinePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private QuarantineService quarantine;

    private final LazyDataModel<Entry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, quarantine.count());
        }

        @Override
        public List<Entry> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return quarantine.page(first, pageSize);
        }

        @Override
        public String getRowKey(Entry entry) {
            return entry.kind() + "-" + entry.recipientId();
        }
    };

    public LazyDataModel<Entry> getEntries() {
        return entries;
    }

    public void release(Entry entry) {
        if (quarantine.release(entry.recipientId(), entry.kind())) {
            Messages.info("quarantine.released", entry.address());
        }
    }
}
