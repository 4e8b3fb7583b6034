-- The diagram of a campaign's "Targeting and workflows" tab as the marketer draws it: a workflow document
-- (docs/WORKFLOW-FORMAT.md) that may be unfinished. Start checks it and copies it into the campaign's
-- workflow (campaign.workflow_id), which only ever holds a valid document.
ALTER TABLE campaign ADD diagram_json VARCHAR(1000000);
