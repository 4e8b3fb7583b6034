package io.crosscast.audience.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which CSV column goes into which recipient field. A column may be ignored; a field is fed by one column
 * at most. Immutable: {@link #withColumn(int, ImportField)} returns an edited copy.
 * <p>The usual flow: read the file's header, {@link #autoMatch(List) match} it, let the user correct the
 * proposal, then import once {@link #problems()} is empty.
 */
public final class ColumnMapping {

    private final ImportField[] fieldsByColumn;

    private ColumnMapping(ImportField[] fieldsByColumn) {
        this.fieldsByColumn = fieldsByColumn;
    }

    /** A mapping of {@code columnCount} columns, all ignored. */
    public static ColumnMapping unmapped(int columnCount) {
        if (columnCount < 0) {
            throw new IllegalArgumentException("A file cannot have " + columnCount + " columns");
        }
        return new ColumnMapping(new ImportField[columnCount]);
    }

    /**
     * Proposes a mapping from a file's header names: each header recognised as a field's name or synonym
     * (English or French, ignoring case, accents, spaces, underscores and hyphens) is mapped to that field.
     * When two headers name the same field, the first one gets it and the other is ignored.
     */
    public static ColumnMapping autoMatch(List<String> headers) {
        ImportField[] fields = new ImportField[headers.size()];
        Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
        for (int column = 0; column < fields.length; column++) {
            Optional<ImportField> field = HeaderNames.fieldFor(headers.get(column));
            if (field.isPresent() && taken.add(field.get())) {
                fields[column] = field.get();
            }
        }
        return new ColumnMapping(fields);
    }

    /** Number of columns of the file this mapping was made for. */
    public int columnCount() {
        return fieldsByColumn.length;
    }

    /**
     * Maps a column to a field, or ignores it when {@code fieldOrNull} is null. A field already fed by
     * another column moves to this one (that column becomes ignored), so a field is never mapped twice.
     *
     * @throws IndexOutOfBoundsException when the column does not exist
     */
    public ColumnMapping withColumn(int index, ImportField fieldOrNull) {
        checkIndex(index);
        ImportField[] fields = fieldsByColumn.clone();
        if (fieldOrNull != null) {
            columnOf(fieldOrNull).ifPresent(previous -> fields[previous] = null);
        }
        fields[index] = fieldOrNull;
        return new ColumnMapping(fields);
    }

    /**
     * The field a column goes into; empty when the column is ignored.
     *
     * @throws IndexOutOfBoundsException when the column does not exist
     */
    public Optional<ImportField> fieldAt(int index) {
        checkIndex(index);
        return Optional.ofNullable(fieldsByColumn[index]);
    }

    /** The column (0-based) that feeds a field; empty when no column does. */
    public OptionalInt columnOf(ImportField field) {
        for (int column = 0; column < fieldsByColumn.length; column++) {
            if (fieldsByColumn[column] == field) {
                return OptionalInt.of(column);
            }
        }
        return OptionalInt.empty();
    }

    /** The fields some column feeds. Fields outside this set are left unchanged by an import. */
    public Set<ImportField> mappedFields() {
        Set<ImportField> fields = EnumSet.noneOf(ImportField.class);
        for (ImportField field : fieldsByColumn) {
            if (field != null) {
                fields.add(field);
            }
        }
        return Collections.unmodifiableSet(fields);
    }

    /** Why this mapping cannot be used for an import, in words for the user; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (columnOf(ImportField.EMAIL).isEmpty()) {
            problems.add("No column is mapped to " + ImportField.EMAIL.label()
                    + ": the import matches recipients by email address");
        }
        return List.copyOf(problems);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= fieldsByColumn.length) {
            throw new IndexOutOfBoundsException(
                    "Column " + index + " does not exist: the file has " + fieldsByColumn.length + " columns");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnMapping mapping && Arrays.equals(fieldsByColumn, mapping.fieldsByColumn);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fieldsByColumn);
    }

    @Override
    public String toString() {
        return "ColumnMapping" + Arrays.toString(fieldsByColumn);
    }
}
