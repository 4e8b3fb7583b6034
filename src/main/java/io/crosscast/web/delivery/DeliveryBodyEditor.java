package io.crosscast.web.delivery;

import io.crosscast.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The email body's editor on deliveries/edit.xhtml, for the draft of {@link DeliveryEditPage}: the rich
 * editor or the HTML source, one at a time (so one value is submitted). A full email (a layout of its own)
 * opens as source, and stays so: the rich editor would drop its layout.
 */
@Named
@ViewScoped
public class DeliveryBodyEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DeliveryEditPage page;

    /** Null until first read: then the mode the loaded body opens in. */
    private BodyMode mode;

    private BodyMode requestedMode;

    /** Applies the body mode chosen with the toggle, after the shown input's value reached the form. */
    public void applyMode() {
        if (requestedMode == null) {
            return;
        }
        if (requestedMode == BodyMode.RICH
                && mode() == BodyMode.SOURCE
                && EditorHtml.isFullEmail(page.getForm().getHtmlBody())) {
            // The editor would drop the layout of a full email: a misclick must not lose it.
            Messages.error(null, Messages.text("delivery.mode.keepSource"));
        } else {
            mode = requestedMode;
        }
        requestedMode = null;
    }

    public boolean isRich() {
        return mode() == BodyMode.RICH && !page.isReadOnly();
    }

    public BodyMode[] getModes() {
        return BodyMode.values();
    }

    public BodyMode getMode() {
        return mode();
    }

    /** Kept until {@link #applyMode()}, so the input shown when the form was posted still updates the body. */
    public void setMode(BodyMode mode) {
        this.requestedMode = mode;
    }

    /** The HTML body as the rich editor shows it (cleaned). */
    public String getRichBody() {
        return EditorHtml.forEditor(page.getForm().getHtmlBody());
    }

    public void setRichBody(String html) {
        page.getForm().setHtmlBody(EditorHtml.fromEditor(html));
    }

    private BodyMode mode() {
        if (mode == null) {
            mode = EditorHtml.isFullEmail(page.getForm().getHtmlBody()) ? BodyMode.SOURCE : BodyMode.RICH;
        }
        return mode;
    }
}
