package io.crosscast.web.campaign.workflow;

import io.crosscast.workflow.RecipientPath;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The runs that touched a recipient, for the recipient's page (recipients/detail.xhtml), read once per view. */
@Named
@ViewScoped
public class RecipientRuns implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private WorkflowService workflows;

    private Long recipientId;
    private List<RecipientPath> paths;

    public List<RecipientPath> paths(Long id) {
        if (id == null) {
            return List.of();
        }
        if (!id.equals(recipientId)) {
            paths = workflows.recipientPath(id, null);
            recipientId = id;
        }
        return paths;
    }
}
