package io.crosscast.web.audience;

import io.crosscast.audience.AudienceException;
import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.web.Messages;
import io.crosscast.web.ProblemTexts;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/** Backing bean of recipients/edit.xhtml: create a recipient, or change one ({@code ?id=}). */
@Named
@ViewScoped
public class RecipientEditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RecipientService service;

    private Long id;
    private RecipientForm form = new RecipientForm();

    /** Loads the recipient named by the view parameter; an unknown id shows the not-found page. */
    public void load() throws IOException {
        if (id == null) {
            return;
        }
        Recipient recipient = service.find(id).orElse(null);
        if (recipient == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such recipient");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        form = RecipientForm.of(recipient);
    }

    public String save() {
        try {
            Recipient saved = id == null ? service.create(form) : service.update(id, form);
            Messages.info(id == null ? "recipient.created" : "recipient.saved");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/recipients/detail.xhtml?faces-redirect=true&id=" + saved.getId();
        } catch (AudienceException e) {
            // An invalid email address or phone number is worded with its precise reason.
            String text = e.getCause() instanceof InvalidContactException contact
                    ? ProblemTexts.contact(contact, Messages.bundle())
                    : Messages.text(e.code(), e.arguments());
            Messages.error(e.field() == null ? null : "recipientForm:" + e.field(), text);
            return null;
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public MembershipStatus[] getStatuses() {
        return MembershipStatus.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public RecipientForm getForm() {
        return form;
    }
}
