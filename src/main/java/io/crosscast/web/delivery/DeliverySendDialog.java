package io.crosscast.web.delivery;

import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.web.Messages;
import io.crosscast.web.condition.ConditionBuilder;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * The send dialog of deliveries/edit.xhtml: {@link DeliveryEditPage}'s draft, saved, sent to the recipients
 * of the condition built in the dialog, with their live count.
 */
@Named
@ViewScoped
public class DeliverySendDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    @Inject
    private DeliveryEditPage page;

    private ConditionBuilder builder;

    /** Saves the draft before the dialog opens (the dialog opens only if it was saved). */
    public void prepare() {
        if (page.persist()) {
            getBuilder().refresh();
            PrimeFaces.current().ajax().addCallbackParam("ready", true);
        }
    }

    /** Sends the delivery to the recipients of the dialog's condition, then opens its report. */
    public String send() {
        try {
            deliveries.sendToCondition(page.getId(), getBuilder().toCondition());
        } catch (InvalidConditionException e) {
            builder.refresh();
            ConditionBuilder.show(e);
            return null;
        } catch (DeliveryException e) {
            DeliveryUi.show(null, e);
            return null;
        }
        Messages.info("delivery.sending");
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/deliveries/report.xhtml?faces-redirect=true&id=" + page.getId();
    }

    /** The dialog's condition, counted from when the dialog is first shown. */
    public ConditionBuilder getBuilder() {
        if (builder == null) {
            builder = new ConditionBuilder(condition -> recipients.count(condition));
            builder.refresh();
        }
        return builder;
    }
}
