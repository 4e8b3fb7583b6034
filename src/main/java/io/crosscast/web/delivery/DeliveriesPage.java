package io.crosscast.web.delivery;

import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryOverview;
import io.crosscast.delivery.DeliveryReports;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Backing bean of deliveries/index.xhtml: the deliveries (email and SMS), newest first, with their figures. */
@Named
@ViewScoped
public class DeliveriesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private DeliveryReports reports;

    private final LazyDataModel<DeliveryOverview> rows = new RowsModel();

    public LazyDataModel<DeliveryOverview> getRows() {
        return rows;
    }

    /** Pages of deliveries; the figures of a page come from two grouped statements. */
    private class RowsModel extends LazyDataModel<DeliveryOverview> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, deliveries.count());
        }

        @Override
        public List<DeliveryOverview> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<Delivery> page = deliveries.page(first, Math.min(pageSize, DeliveryReports.MAX_STATS));
            Map<Long, DeliveryStats> stats =
                    reports.stats(page.stream().map(Delivery::getId).toList());
            return page.stream()
                    .map(d -> new DeliveryOverview(
                            d.getId(),
                            d.getLabel(),
                            d.getChannel(),
                            d.getStatus(),
                            d.getCreatedAt(),
                            d.getStartedAt(),
                            stats.get(d.getId())))
                    .toList();
        }

        @Override
        public String getRowKey(DeliveryOverview row) {
            return String.valueOf(row.id());
        }
    }
}
