-- A run log line as a translatable text: its key and arguments in the engine's bundle, as JSON
-- ({"key": "query.log.count", "args": ["1234"]}), beside the English message. Lines written before have
-- none and are shown as their English message. (A failed activity's text is in workflow_run.state_json.)
ALTER TABLE run_log ADD text_json VARCHAR(4000);
