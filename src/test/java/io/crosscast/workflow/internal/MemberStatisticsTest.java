package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MemberStatisticsTest {

    @Test
    void readsTheRowEstimateOfAPlansFirstLine() {
        assertEquals(
                68428,
                MemberStatistics.estimatedRows(
                        "Index Only Scan using pk_population_member on population_member m  (cost=0.42..2017.10"
                                + " rows=68428 width=4)"));
        assertEquals(
                1,
                MemberStatistics.estimatedRows("Index Scan on population_member m  (cost=0.42..8.44 rows=1 width=4)"));
        assertEquals(0, MemberStatistics.estimatedRows("Result  (cost=0.00..0.01 width=4)"));
    }
}
