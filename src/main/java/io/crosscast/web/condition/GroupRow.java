package io.crosscast.web.condition;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.Logic;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A group of rules joined by AND or OR, as the condition builder edits it. */
public class GroupRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id = UUID.randomUUID().toString();
    private Logic logic = Logic.AND;
    private final List<RuleRow> rules = new ArrayList<>();

    Group toGroup() {
        return new Group(logic, rules.stream().map(RuleRow::toRule).map(Condition.class::cast).toList());
    }

    public void addRule() {
        rules.add(new RuleRow());
    }

    public void removeRule(RuleRow rule) {
        rules.remove(rule);
    }

    public String getId() {
        return id;
    }

    public Logic getLogic() {
        return logic;
    }

    public void setLogic(Logic logic) {
        this.logic = logic;
    }

    public List<RuleRow> getRules() {
        return rules;
    }
}
