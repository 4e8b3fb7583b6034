package io.crosscast.web.apitoken;

import io.crosscast.apitoken.ApiTokenException;
import io.crosscast.apitoken.ApiTokenService;
import io.crosscast.apitoken.ApiTokenSummary;
import io.crosscast.apitoken.CreatedToken;
import io.crosscast.apitoken.TokenSecrets;
import io.crosscast.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backing bean of tokens/index.xhtml: the API tokens the user may see (their own; an administrator's: all),
 * a new one (shown once, until its dialog is closed) and revocation.
 */
@Named
@ViewScoped
public class TokensPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApiTokenService tokens;

    private List<ApiTokenSummary> all;
    private String name;
    private String role = ApiTokenService.MARKETER;
    private Integer days = TokenSecrets.DEFAULT_DAYS;
    private String shownOnce;

    @PostConstruct
    void load() {
        all = tokens.visible();
    }

    public void create() {
        try {
            CreatedToken created = tokens.create(name, role, days);
            shownOnce = created.token();
            Messages.info("tokens.created", created.summary().name());
            name = null;
            role = ApiTokenService.MARKETER;
            days = TokenSecrets.DEFAULT_DAYS;
            load();
            PrimeFaces.current().ajax().addCallbackParam("created", true);
        } catch (ApiTokenException e) {
            Messages.error(e.code().startsWith("apiToken.name") ? "tokensForm:newName" : null, Messages.text(e.code()));
        }
    }

    /** Forgets the token shown once (its dialog was closed). */
    public void forget() {
        shownOnce = null;
    }

    public void revoke(ApiTokenSummary token) {
        try {
            tokens.revoke(token.id());
            Messages.info("tokens.revoked", token.name());
        } catch (ApiTokenException e) {
            Messages.error(null, Messages.text(e.code()));
        }
        load();
    }

    /** The roles the user may give a token: marketer, and admin for administrators. */
    public List<String> getRoles() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(ApiTokenService.ADMIN)
                ? ApiTokenService.ROLES
                : List.of(ApiTokenService.MARKETER);
    }

    public int getMaxDays() {
        return TokenSecrets.MAX_DAYS;
    }

    public List<ApiTokenSummary> getAll() {
        return all;
    }

    public String getShownOnce() {
        return shownOnce;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
