package io.crosscast.web.delivery;

import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryProofs;
import io.crosscast.delivery.ProofAddresses;
import io.crosscast.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The proofs of an email on deliveries/edit.xhtml: {@link DeliveryEditPage}'s draft, saved, mailed to the
 * typed addresses, rendered for the preview's recipient ({@link DeliveryPreview}). Text messages have none.
 */
@Named
@ViewScoped
public class DeliveryProof implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The field the address problems are shown beside. */
    private static final String ADDRESSES_FIELD = "deliveryForm:proofAddresses";

    @EJB
    private DeliveryProofs proofs;

    @Inject
    private DeliveryEditPage page;

    @Inject
    private DeliveryPreview preview;

    private String addresses;

    /** Saves a draft, then mails it as a proof, rendered for the preview's recipient, to the typed addresses. */
    public void send() {
        if (page.isSms()) {
            return;
        }
        List<String> typed = ProofAddresses.split(addresses);
        List<String> invalid = ProofAddresses.invalid(typed);
        if (typed.isEmpty()) {
            Messages.error(ADDRESSES_FIELD, Messages.text("delivery.proof.noAddress"));
            return;
        }
        if (!invalid.isEmpty()) {
            Messages.error(ADDRESSES_FIELD, Messages.text("delivery.proof.badAddresses", String.join(", ", invalid)));
            return;
        }
        if (ProofAddresses.distinct(typed).size() > ProofAddresses.MAX) {
            Messages.error(ADDRESSES_FIELD, Messages.text("delivery.proof.tooMany", ProofAddresses.MAX));
            return;
        }
        if (!page.persist()) {
            return;
        }
        Long recipientId = preview.recipientId();
        if (recipientId == null) {
            return;
        }
        try {
            int sent = proofs.proof(page.getId(), recipientId, typed);
            Messages.info("delivery.proof.sent", sent);
        } catch (DeliveryException e) {
            DeliveryUi.show(null, e);
        }
    }

    /** The addresses as typed (see {@link ProofAddresses#split}). */
    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public int getMaxAddresses() {
        return ProofAddresses.MAX;
    }
}
