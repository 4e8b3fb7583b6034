package io.crosscast.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** The signed-in user as the page header shows it, and signing out. */
@Named
@RequestScoped
public class SessionActions {

    @Inject
    private ExternalContext externalContext;

    public String getUserName() {
        Principal principal = externalContext.getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    public boolean isAdmin() {
        return externalContext.isUserInRole("admin");
    }

    public String logout() throws ServletException {
        ((HttpServletRequest) externalContext.getRequest()).logout();
        externalContext.invalidateSession();
        return "/index.xhtml?faces-redirect=true";
    }
}
