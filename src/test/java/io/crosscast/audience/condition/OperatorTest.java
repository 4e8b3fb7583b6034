package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.Operator.Arity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorTest {

    @Test
    void jsonNamesAreLowerSnakeCase() {
        assertEquals("in_last_days", Operator.IN_LAST_DAYS.jsonName());
        assertEquals("not_member_of_list", Operator.NOT_MEMBER_OF_LIST.jsonName());
        assertEquals("equals", Operator.EQUALS.jsonName());
        for (Operator operator : Operator.values()) {
            assertTrue(operator.jsonName().matches("[a-z]+(_[a-z]+)*"), operator.jsonName());
        }
    }

    @Test
    void jsonNamesReadBackExactly() {
        for (Operator operator : Operator.values()) {
            assertEquals(Optional.of(operator), Operator.fromJsonName(operator.jsonName()));
        }
        assertEquals(Optional.empty(), Operator.fromJsonName("EQUALS"));
        assertEquals(Optional.empty(), Operator.fromJsonName("like"));
        assertEquals(Optional.empty(), Operator.fromJsonName(null));
    }

    @Test
    void eachOperatorTakesItsNumberOfValues() {
        assertEquals(Arity.NONE, Operator.IS_EMPTY.arity());
        assertEquals(Arity.NONE, Operator.IS_NOT_EMPTY.arity());
        assertEquals(Arity.NONE, Operator.IS_TRUE.arity());
        assertEquals(Arity.NONE, Operator.IS_FALSE.arity());
        assertEquals(Arity.ONE, Operator.EQUALS.arity());
        assertEquals(Arity.ONE, Operator.CONTAINS.arity());
        assertEquals(Arity.ONE, Operator.IN_LAST_DAYS.arity());
        assertEquals(Arity.ONE, Operator.MEMBER_OF_LIST.arity());
        assertEquals(Arity.TWO, Operator.BETWEEN.arity());
        assertEquals(Arity.ONE_OR_MORE, Operator.IN.arity());
        assertEquals(Arity.ONE_OR_MORE, Operator.NOT_IN.arity());
        assertEquals(Arity.AT_MOST_ONE, Operator.OPENED.arity());
        assertEquals(Arity.AT_MOST_ONE, Operator.DID_NOT_CLICK.arity());
    }

    @Test
    void arityAcceptsTheRightCounts() {
        assertTrue(Arity.NONE.accepts(0));
        assertFalse(Arity.NONE.accepts(1));
        assertTrue(Arity.ONE.accepts(1));
        assertFalse(Arity.ONE.accepts(0));
        assertFalse(Arity.ONE.accepts(2));
        assertTrue(Arity.TWO.accepts(2));
        assertFalse(Arity.TWO.accepts(1));
        assertFalse(Arity.TWO.accepts(3));
        assertTrue(Arity.ONE_OR_MORE.accepts(1));
        assertTrue(Arity.ONE_OR_MORE.accepts(50));
        assertFalse(Arity.ONE_OR_MORE.accepts(0));
        assertTrue(Arity.AT_MOST_ONE.accepts(0));
        assertTrue(Arity.AT_MOST_ONE.accepts(1));
        assertFalse(Arity.AT_MOST_ONE.accepts(2));
    }

    @Test
    void logicHasJsonNamesToo() {
        assertEquals("and", Logic.AND.jsonName());
        assertEquals("or", Logic.OR.jsonName());
        assertEquals(Optional.of(Logic.OR), Logic.fromJsonName("or"));
        assertEquals(Optional.empty(), Logic.fromJsonName("xor"));
    }
}
