package io.crosscast.campaign;

import io.crosscast.delivery.CampaignTimelinePoint;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryOverview;
import io.crosscast.delivery.DeliveryReports;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns: write them (a draft's properties only), move them through their statuses, search them, and
 * read their deliveries with their figures (two grouped statements for all of them, see
 * {@link DeliveryReports#stats}) and their activity per hour.
 */
@Stateless
public class CampaignService {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @EJB
    private DeliveryService deliveryService;

    @EJB
    private DeliveryReports reports;

    private final Clock clock = Clock.systemUTC();

    /** Creates a draft; without an owner, the caller owns it. */
    public Campaign create(CampaignContent content) {
        requireValid(content);
        if (CampaignContent.strip(content.owner()) == null) {
            content = new CampaignContent(
                    content.label(), content.description(), content.startDate(), content.endDate(), callerName());
        }
        Campaign campaign = new Campaign(content, Instant.now(clock));
        em.persist(campaign);
        em.flush();
        return campaign;
    }

    /** Changes a draft's properties. */
    public Campaign update(long campaignId, CampaignContent content) {
        Campaign campaign = get(campaignId);
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw CampaignException.conflict(CampaignProblem.NOT_DRAFT);
        }
        requireValid(content);
        campaign.apply(content, Instant.now(clock));
        return campaign;
    }

    /** Moves the campaign to another status (see {@link CampaignStatus#canMoveTo}). */
    public Campaign changeStatus(long campaignId, CampaignStatus target) {
        Campaign campaign = get(campaignId);
        if (!campaign.getStatus().canMoveTo(target)) {
            throw CampaignException.conflict(CampaignProblem.STATUS_CHANGE);
        }
        campaign.moveTo(target, Instant.now(clock));
        return campaign;
    }

    /** Deletes a draft; its deliveries stay, part of no campaign. */
    public void delete(long campaignId) {
        Campaign campaign = get(campaignId);
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw CampaignException.conflict(CampaignProblem.NOT_DRAFT);
        }
        deliveryService.detachFromCampaign(campaignId);
        em.remove(campaign);
    }

    public Optional<Campaign> find(long campaignId) {
        return Optional.ofNullable(em.find(Campaign.class, campaignId));
    }

    /** The campaign, or {@link CampaignException} NOT_FOUND. */
    public Campaign get(long campaignId) {
        return find(campaignId).orElseThrow(() -> CampaignException.notFound(CampaignProblem.NOT_FOUND));
    }

    /**
     * Campaigns whose label contains {@code search} (any case; blank: all) and with that status (null: any),
     * newest first.
     */
    public List<Campaign> page(String search, CampaignStatus status, int first, int pageSize) {
        return filtered("SELECT c", " ORDER BY c.id DESC", Campaign.class, search, status)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(pageSize, 500)))
                .getResultList();
    }

    /** How many campaigns {@link #page} pages through. */
    public long count(String search, CampaignStatus status) {
        return filtered("SELECT COUNT(c)", "", Long.class, search, status).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(
            String select, String order, Class<T> type, String search, CampaignStatus status) {
        String pattern = likePattern(search);
        StringBuilder jpql = new StringBuilder(select).append(" FROM Campaign c WHERE 1 = 1");
        if (pattern != null) {
            jpql.append(" AND LOWER(c.label) LIKE :pattern ESCAPE '!'");
        }
        if (status != null) {
            jpql.append(" AND c.status = :status");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        if (pattern != null) {
            query.setParameter("pattern", pattern);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query;
    }

    /**
     * The LIKE pattern of a case-insensitive "contains" (escape character {@code !}), or null for a blank
     * search: the search's own {@code %} and {@code _} match themselves.
     */
    static String likePattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.strip()
                .toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }

    /**
     * The campaign's deliveries, newest first (at most {@link DeliveryReports#MAX_STATS}), with their figures.
     *
     * @throws CampaignException NOT_FOUND
     */
    public List<DeliveryOverview> deliveries(long campaignId) {
        get(campaignId);
        List<Delivery> list = deliveryService.ofCampaign(campaignId, DeliveryReports.MAX_STATS);
        Map<Long, DeliveryStats> stats =
                reports.stats(list.stream().map(Delivery::getId).toList());
        return list.stream()
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

    /** The campaign's key figures, summed over its deliveries. */
    public CampaignFigures figures(long campaignId) {
        return CampaignFigures.sum(
                deliveries(campaignId).stream().map(DeliveryOverview::stats).toList());
    }

    /**
     * The campaign over time: per hour, the messages its deliveries sent, and their distinct openers and
     * clickers summed over the deliveries (see {@link DeliveryReports#campaignTimeline}). Empty while
     * nothing was sent.
     *
     * @throws CampaignException NOT_FOUND
     */
    public List<CampaignTimelinePoint> timeline(long campaignId) {
        get(campaignId);
        return reports.campaignTimeline(campaignId);
    }

    /**
     * Makes an existing delivery part of the campaign (it leaves the one it was in). A finished or cancelled
     * campaign takes no new delivery.
     */
    public Delivery attachDelivery(long campaignId, long deliveryId) {
        requireOpen(get(campaignId));
        if (deliveryService.find(deliveryId).isEmpty()) {
            throw CampaignException.notFound(CampaignProblem.DELIVERY_NOT_FOUND);
        }
        return deliveryService.attachToCampaign(deliveryId, campaignId);
    }

    /** Creates a draft delivery in the campaign (checked as {@link DeliveryService#create} does). */
    public Delivery createDelivery(long campaignId, Channel channel, DeliveryContent content) {
        requireOpen(get(campaignId));
        Delivery delivery = deliveryService.create(channel, content);
        return deliveryService.attachToCampaign(delivery.getId(), campaignId);
    }

    private static void requireOpen(Campaign campaign) {
        if (campaign.getStatus().isClosed()) {
            throw CampaignException.conflict(CampaignProblem.CLOSED);
        }
    }

    private static void requireValid(CampaignContent content) {
        List<CampaignProblem> problems = content.problems();
        if (!problems.isEmpty()) {
            throw CampaignException.invalid(problems);
        }
    }

    private String callerName() {
        Principal caller = session.getCallerPrincipal();
        String name = caller == null ? null : CampaignContent.strip(caller.getName());
        return name == null || name.length() > Campaign.MAX_OWNER ? null : name;
    }
}
