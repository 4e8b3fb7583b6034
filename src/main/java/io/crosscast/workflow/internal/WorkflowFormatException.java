package io.crosscast.workflow.internal;

/** A workflow document that cannot be read; the message says why. */
public class WorkflowFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkflowFormatException(String message) {
        super(message);
    }
}
