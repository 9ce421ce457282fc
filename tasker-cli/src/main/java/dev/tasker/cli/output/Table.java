package dev.tasker.cli.output;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;
import com.github.freva.asciitable.OverflowBehaviour;
import com.github.freva.asciitable.Styler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table of rows, rendered by ascii-table without borders (like {@code kubectl get}). Columns marked as states
 * are coloured by {@link Style} after the widths are computed, so escape codes never skew the alignment.
 */
public final class Table<T> {

    private static final int MAX_WIDTH = 60;

    private final Collection<T> rows;
    private final List<ColumnData<T>> columns = new ArrayList<>();
    private final List<Integer> stateColumns = new ArrayList<>();
    private boolean header = true;

    private Table(Collection<T> rows) {
        this.rows = rows;
    }

    public static <T> Table<T> of(Collection<T> rows) {
        return new Table<>(rows);
    }

    /** Two columns without a header, e.g. "status   complete". Values are printed as they are, colours included. */
    public static String keyValues(List<Map.Entry<String, Object>> rows) {
        return Table.of(rows).withoutHeader().column("key", Map.Entry::getKey).column("value", Map.Entry::getValue)
                .render(Style.plain());
    }

    public Table<T> column(String title, Function<T, Object> value) {
        return add(title, value, Integer.MAX_VALUE);
    }

    /** A column of free text (results, errors) cut at 60 characters, so a row stays on one terminal line. */
    public Table<T> textColumn(String title, Function<T, Object> value) {
        return add(title, value, MAX_WIDTH);
    }

    private Table<T> add(String title, Function<T, Object> value, int maxWidth) {
        columns.add(new Column().header(title).headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT)
                .maxWidth(maxWidth, OverflowBehaviour.ELLIPSIS_RIGHT)
                .with(row -> text(value.apply(row))));
        return this;
    }

    /** A column of state words, coloured by meaning. */
    public Table<T> stateColumn(String title, Function<T, Object> value) {
        stateColumns.add(columns.size());
        return column(title, value);
    }

    /** Key/value views have no header row. */
    public Table<T> withoutHeader() {
        header = false;
        return this;
    }

    public String render(Style style) {
        List<ColumnData<T>> shown = header ? columns
                : columns.stream().map(c -> new Column().dataAlign(HorizontalAlign.LEFT)
                        .maxWidth(c.getMaxWidth(), OverflowBehaviour.ELLIPSIS_RIGHT)
                        .<T>with(c::getCellValue)).toList();
        Styler styler = new Styler() {
            @Override
            public List<String> styleCell(Column column, int row, int col, List<String> lines) {
                return stateColumns.contains(col) ? lines.stream().map(style::state).toList() : lines;
            }
        };
        List<String> lines = AsciiTable.builder().border(AsciiTable.NO_BORDERS).styler(styler).data(rows, shown)
                .asString().lines().map(String::stripTrailing).toList();
        // Without borders every line keeps the one-space padding of the missing left border: drop it.
        boolean padded = lines.stream().allMatch(l -> l.isEmpty() || l.startsWith(" "));
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(padded && !l.isEmpty() ? l.substring(1) : l).append('\n'));
        return out.toString();
    }

    static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
