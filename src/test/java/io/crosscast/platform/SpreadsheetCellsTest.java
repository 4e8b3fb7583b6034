package io.crosscast.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "+33612345678", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"})
    void aCellStartingWithAFormulaCharacterGetsAQuote(String cell) {
        assertEquals("'" + cell, SpreadsheetCells.neutralise(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jean", "jean@example.fr", "GOLD", "a=b", "1+1", " =1", "'quoted", "", "''"})
    void anyOtherCellIsKept(String cell) {
        assertEquals(cell, SpreadsheetCells.neutralise(cell));
        assertEquals(cell, SpreadsheetCells.restore(cell));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=cmd|' /C calc'!A0",
                "+33612345678",
                "-x",
                "@SUM(1)",
                "\tx",
                "\rx",
                "'-x",
                "''+1",
                "'=1",
                "x",
                "'x",
                ""
            })
    void restoreUndoesNeutraliseForEveryValue(String value) {
        assertEquals(value, SpreadsheetCells.restore(SpreadsheetCells.neutralise(value)));
    }

    @Test
    void restoreRemovesExactlyOneQuoteBeforeAFormulaCharacter() {
        assertEquals("+33612345678", SpreadsheetCells.restore("'+33612345678"));
        assertEquals("'-x", SpreadsheetCells.restore("''-x"));
        assertEquals("''+1", SpreadsheetCells.neutralise("'+1"));
        assertNull(SpreadsheetCells.restore(null));
        assertNull(SpreadsheetCells.neutralise(null));
    }

    @Test
    void thePrinterNeutralisesEveryTextCellAndQuotesAsCsvRequires() throws IOException {
        StringWriter out = new StringWriter();
        try (SpreadsheetCells.Printer csv = SpreadsheetCells.printer(out, List.of("a", "b", "c", "d", "e", "f"))) {
            csv.printRecord("=cmd|' /C calc'!A0", "@SUM(1)", "\r=1", -5, LocalDate.of(1990, 4, 23), null);
            csv.printRecord("Jean, fils", "+33612345678", true, 7, "-", "");
        }
        List<CSVRecord> records =
                CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();

        assertEquals(List.of("a", "b", "c", "d", "e", "f"), records.get(0).toList());
        assertEquals(
                List.of("'=cmd|' /C calc'!A0", "'@SUM(1)", "'\r=1", "-5", "1990-04-23", ""),
                records.get(1).toList());
        assertEquals(
                List.of("Jean, fils", "'+33612345678", "true", "7", "'-", ""),
                records.get(2).toList());
        assertEquals(
                "a,b,c,d,e,f\r\n'=cmd|' /C calc'!A0,'@SUM(1),\"'\r=1\",-5,1990-04-23,\r\n",
                out.toString().substring(0, out.toString().indexOf("Jean") - 1));
    }
}
