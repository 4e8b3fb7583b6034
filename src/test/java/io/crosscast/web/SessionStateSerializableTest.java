package io.crosscast.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web application is {@code <distributable/>} (cluster.cli): a session, with the JSF views it holds and their
 * view-scoped beans, is serialised to the cluster's cache and read back on another node when its node dies. Every
 * view-, session- or conversation-scoped bean must therefore be Serializable, and so must what it holds: each
 * field that is not static nor transient (nor an injected proxy, which WildFly serialises as a reference) has a
 * Serializable type, type arguments included; a bean made with its constructor serialises. A transient field
 * comes back null on the other node, so only fields the bean can do without (an uploaded file) may be transient.
 */
class SessionStateSerializableTest {

    @Test
    void everySessionStateBeanSerialises() throws Exception {
        List<Class<?>> beans = sessionStateBeans();
        assertTrue(beans.size() >= 20, "found only " + beans.size() + " view/session-scoped beans");
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
                continue;
            }
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    problems.addAll(fieldProblems(field));
                }
            }
            problems.addAll(instanceProblems(bean));
        }
        assertTrue(
                problems.isEmpty(), "Session state that cannot move to another node:\n" + String.join("\n", problems));
    }

    @Test
    void aNonSerializableFieldIsFound() throws Exception {
        assertTrue(!fieldProblems(Broken.class.getDeclaredField("thread")).isEmpty());
        assertTrue(!fieldProblems(Broken.class.getDeclaredField("threads")).isEmpty());
        assertTrue(fieldProblems(Broken.class.getDeclaredField("names")).isEmpty());
    }

    static final class Broken implements Serializable {
        private Thread thread;
        private List<Thread> threads;
        private List<String> names;
    }

    private static List<String> fieldProblems(Field field) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
                || field.isSynthetic()
                || field.isAnnotationPresent(Inject.class)
                || field.isAnnotationPresent(EJB.class)) {
            return List.of();
        }
        String where = field.getDeclaringClass().getName() + "." + field.getName();
        if (Modifier.isTransient(modifiers)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        checkType(field.getGenericType(), where, problems);
        return problems;
    }

    private static void checkType(Type type, String where, List<String> problems) {
        checkType(type, where, problems, new java.util.HashSet<>());
    }

    /** A type is Serializable; for the application's own classes, so are their fields, recursively. */
    private static void checkType(Type type, String where, List<String> problems, java.util.Set<Class<?>> seen) {
        if (type instanceof Class<?> c) {
            boolean ejb = c.isAnnotationPresent(jakarta.ejb.Stateless.class)
                    || c.isAnnotationPresent(jakarta.ejb.Singleton.class);
            boolean ok = c.isPrimitive()
                    // values of any type (a message's arguments: strings and numbers), checked when they are there
                    || c == Object.class
                    // an EJB's reference (WildFly serialises it as a reference to the bean on the other node)
                    || c.isAnnotationPresent(jakarta.ejb.Stateless.class)
                    || c.isAnnotationPresent(jakarta.ejb.Singleton.class)
                    || c.isEnum()
                    || Serializable.class.isAssignableFrom(c)
                    // collections and maps of java.util: their implementations are; their elements are checked
                    || (c.isInterface() && c.getName().startsWith("java.util."));
            if (c.isArray()) {
                checkType(c.getComponentType(), where, problems, seen);
            } else if (!ok) {
                problems.add(where + ": " + c.getName() + " is not Serializable");
            } else if (c.getName().startsWith("io.crosscast.") && !c.isEnum() && !ejb && seen.add(c)) {
                for (Class<?> k = c; k != null && k.getName().startsWith("io.crosscast."); k = k.getSuperclass()) {
                    for (Field field : k.getDeclaredFields()) {
                        int modifiers = field.getModifiers();
                        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                            checkType(
                                    field.getGenericType(),
                                    where + " > " + k.getSimpleName() + "." + field.getName(),
                                    problems,
                                    seen);
                        }
                    }
                }
            }
        } else if (type instanceof ParameterizedType p) {
            checkType(p.getRawType(), where, problems, seen);
            for (Type argument : p.getActualTypeArguments()) {
                checkType(argument, where, problems, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                if (bound != Object.class) {
                    checkType(bound, where, problems, seen);
                }
            }
        }
    }

    /** A bean made with its no-argument constructor (what its field initialisers hold) serialises. */
    private static List<String> instanceProblems(Class<?> bean) throws ReflectiveOperationException {
        Constructor<?> constructor;
        try {
            constructor = bean.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return List.of();
        }
        constructor.setAccessible(true);
        Object instance;
        try {
            instance = constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return List.of(); // needs the container to be made
        }
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(instance);
            return List.of();
        } catch (IOException e) {
            return List.of(bean.getName() + " does not serialise: " + e);
        }
    }

    private static List<Class<?>> sessionStateBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SessionStateSerializableTest.class
                        .getClassLoader()
                        .getResource("io/crosscast/web/SecurityHeadersFilter.class")
                        .toURI())
                .getParent();
        Path classes = root.getParent().getParent().getParent();
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                if (c.isAnnotationPresent(ViewScoped.class)
                        || c.isAnnotationPresent(SessionScoped.class)
                        || c.isAnnotationPresent(ConversationScoped.class)) {
                    beans.add(c);
                }
            }
        }
        return beans;
    }
}
