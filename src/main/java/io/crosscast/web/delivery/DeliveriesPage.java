package io.crosscast.web.delivery;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryReports;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
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

    private final LazyDataModel<Row> rows = new RowsModel();

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    /** One delivery of the grid with its figures. */
    public record Row(
            long id,
            String label,
            Channel channel,
            DeliveryStatus status,
            Instant createdAt,
            Instant startedAt,
            DeliveryStats stats) {

        /** A text message: no opens or clicks. */
        public boolean sms() {
            return channel == Channel.SMS;
        }

        /** Drafts open in the editor, the others on their report. */
        public boolean draft() {
            return status == DeliveryStatus.DRAFT;
        }

        public boolean sending() {
            return status == DeliveryStatus.SENDING;
        }
    }

    /** Pages of deliveries; the figures of a page come from two grouped statements. */
    private class RowsModel extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, deliveries.count());
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<Delivery> page = deliveries.page(first, Math.min(pageSize, DeliveryReports.MAX_STATS));
            Map<Long, DeliveryStats> stats =
                    reports.stats(page.stream().map(Delivery::getId).toList());
            return page.stream()
                    .map(d -> new Row(
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
        public String getRowKey(Row row) {
            return String.valueOf(row.id());
        }
    }
}
