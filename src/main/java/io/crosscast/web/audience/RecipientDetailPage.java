package io.crosscast.web.audience;

import io.crosscast.audience.AudienceException;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/** Backing bean of recipients/detail.xhtml: one recipient, and deleting it. */
@Named
@ViewScoped
public class RecipientDetailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RecipientService service;

    private Long id;
    private Recipient recipient;

    public void load() throws IOException {
        recipient = id == null ? null : service.find(id).orElse(null);
        if (recipient == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such recipient");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public String delete() {
        try {
            service.delete(id);
            Messages.info("recipient.deleted");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/recipients/index.xhtml?faces-redirect=true";
        } catch (AudienceException e) {
            Messages.error(null, Messages.text(e.code(), e.arguments()));
            return null;
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Recipient getRecipient() {
        return recipient;
    }
}
