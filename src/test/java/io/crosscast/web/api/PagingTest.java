package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaultsAreTheFirstFiftyItems() {
        assertEquals(new Paging(0, 50), Paging.of(null, null));
        assertEquals(new Paging(0, 50), Paging.ofQuery(null, " "));
    }

    @Test
    void aPageSizeAboveTheCapIsLowered() {
        assertEquals(new Paging(100, 500), Paging.of(100, 10_000));
        assertEquals(new Paging(0, 500), Paging.of(0, 500));
        assertEquals(new Paging(0, 1), Paging.of(0, 1));
    }

    @Test
    void negativeOrZeroValuesAre400sNamingTheField() {
        assertEquals(
                "first",
                assertThrows(ApiException.class, () -> Paging.of(-1, 10))
                        .error()
                        .field());
        ApiException zero = assertThrows(ApiException.class, () -> Paging.of(0, 0));
        assertEquals("pageSize", zero.error().field());
        assertEquals(400, zero.error().status());
    }

    @Test
    void queryValuesMustBeWholeNumbers() {
        assertEquals(new Paging(20, 10), Paging.ofQuery(" 20", "10 "));
        ApiException e = assertThrows(ApiException.class, () -> Paging.ofQuery("abc", "10"));
        assertEquals("first", e.error().field());
        assertEquals("'first' must be a whole number; got 'abc'.", e.error().message());
        assertEquals(
                "pageSize",
                assertThrows(ApiException.class, () -> Paging.ofQuery("0", "1.5"))
                        .error()
                        .field());
        assertEquals(
                "pageSize",
                assertThrows(ApiException.class, () -> Paging.ofQuery("0", "99999999999"))
                        .error()
                        .field());
    }
}
