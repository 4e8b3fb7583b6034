package io.crosscast.web.campaign.workflow;

import java.io.Serializable;

/** One output of the properties dialog's activity and the activity it leads to (blank: none). */
public final class OutputTarget implements Serializable {

    private static final long serialVersionUID = 1L;
    private final String output;
    private final String label;
    private String to;

    OutputTarget(String output, String label, String to) {
        this.output = output;
        this.label = label;
        this.to = to;
    }

    public String getOutput() {
        return output;
    }

    public String getLabel() {
        return label;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
