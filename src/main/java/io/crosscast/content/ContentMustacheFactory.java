package io.crosscast.content;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.MapObjectHandler;
import com.github.mustachejava.util.HtmlEscaper;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Mustache set-up of one template: values are looked up in maps only (no reflection on the values),
 * HTML-escaped or not depending on the part, and the parser's callbacks check every name against the
 * allowed ones, collecting problems instead of stopping at the first. One instance per compilation (it
 * holds that compilation's problems); the compiled template keeps it for encoding values.
 */
final class ContentMustacheFactory extends DefaultMustacheFactory {

    private final ContentPart part;
    private final Predicate<String> known;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    ContentMustacheFactory(ContentPart part, Predicate<String> known) {
        this.part = part;
        this.known = known;
        setObjectHandler(new FlatMapObjectHandler());
    }

    /**
     * Looks values up in maps only; a dotted name such as {@code enrichment.clicks} is one key of the scope map (not
     * a path into nested objects), so a recipient's enrichment values sit beside its fields.
     */
    private static final class FlatMapObjectHandler extends MapObjectHandler {

        @Override
        public Wrapper find(String name, List<Object> scopes) {
            if (name == null || name.indexOf('.') < 0) {
                return super.find(name, scopes);
            }
            return current -> {
                for (int i = current.size() - 1; i >= 0; i--) {
                    if (current.get(i) instanceof Map<?, ?> map && map.containsKey(name)) {
                        return map.get(name);
                    }
                }
                return null;
            };
        }
    }

    List<ContentProblem> problems() {
        return problems;
    }

    Set<String> names() {
        return names;
    }

    @Override
    public void encode(String value, Writer writer) {
        if (part.escapesHtml()) {
            HtmlEscaper.escape(value, writer);
        } else {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("Failed to write a value", e);
            }
        }
    }

    /** Every tag's text passes here before the parser acts on it: refuse delimiter changes. */
    @Override
    public String translate(String tag) {
        if (tag.startsWith("=")) {
            throw new DelimiterChange();
        }
        return tag;
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new CheckingVisitor(this);
    }

    private void checkVariable(TemplateContext context, String name) {
        names.add(name);
        if (!known.test(name)) {
            problems.add(new ContentProblem(part, context.line(), ContentProblem.Code.UNKNOWN_VARIABLE, name));
        }
    }

    /** A partial, or an unescaped value in HTML: the detail is the variable's name. */
    private void refuse(TemplateContext context, ContentProblem.Code code, String name) {
        problems.add(new ContentProblem(part, context.line(), code, name));
    }

    /** A Mustache feature templates cannot use: the detail names it in English, the argument is its tag. */
    private void unsupported(TemplateContext context, ContentProblem.Reason reason, String feature, String tag) {
        problems.add(ContentProblem.of(part, context.line(), reason, feature + " " + tag, tag));
    }

    /** Thrown from {@link #translate} for {@code {{=<% %>=}}}; the parser gives no line there. */
    static final class DelimiterChange extends MustacheException {

        private static final long serialVersionUID = 1L;

        DelimiterChange() {
            super("Changing the delimiters");
        }
    }

    /** Builds the template like the default visitor, but checks names and leaves out refused tags. */
    private final class CheckingVisitor extends DefaultMustacheVisitor {

        CheckingVisitor(DefaultMustacheFactory factory) {
            super(factory);
        }

        @Override
        public void value(TemplateContext context, String variable, boolean encoded) {
            checkVariable(context, variable);
            if (!encoded && part.escapesHtml()) {
                refuse(context, ContentProblem.Code.UNESCAPED, variable);
            }
            super.value(context, variable, encoded);
        }

        @Override
        public void iterable(TemplateContext context, String variable, Mustache mustache) {
            checkVariable(context, variable);
            super.iterable(context, variable, mustache);
        }

        @Override
        public void notIterable(TemplateContext context, String variable, Mustache mustache) {
            checkVariable(context, variable);
            super.notIterable(context, variable, mustache);
        }

        @Override
        public void partial(TemplateContext context, String variable, String indent) {
            refuse(context, ContentProblem.Code.PARTIAL, variable);
        }

        @Override
        public void dynamicPartial(TemplateContext context, String variable, String indent) {
            refuse(context, ContentProblem.Code.PARTIAL, variable);
        }

        @Override
        public void pragma(TemplateContext context, String pragma, String args) {
            unsupported(context, ContentProblem.Reason.PRAGMA, "The pragma", "{{%" + pragma + "}}");
        }

        @Override
        public void extend(TemplateContext context, String variable, Mustache mustache) {
            unsupported(context, ContentProblem.Reason.INHERITANCE, "Template inheritance", "{{<" + variable + "}}");
        }

        @Override
        public void name(TemplateContext context, String variable, Mustache mustache) {
            unsupported(context, ContentProblem.Reason.INHERITANCE, "Template inheritance", "{{$" + variable + "}}");
        }

        @Override
        public void checkName(TemplateContext context, String variable, Mustache mustache) {
            unsupported(context, ContentProblem.Reason.INHERITANCE, "Template inheritance", "{{?" + variable + "}}");
        }
    }
}
