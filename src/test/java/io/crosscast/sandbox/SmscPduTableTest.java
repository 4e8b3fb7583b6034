package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The operations the sandbox's SMSC refuses, each with its SMPP status (submit_sm: see SandboxSmscTest). */
class SmscPduTableTest {

    private final SmscPduTable table = new SmscPduTable(null, null);

    private static void refused(int status, String message, Executable call) {
        ProcessRequestException refused = assertThrows(ProcessRequestException.class, call);
        assertEquals(status, refused.getErrorCode());
        assertEquals(message, refused.getMessage());
    }

    @Test
    void everyOtherOperationIsRefusedWithItsStatus() {
        refused(
                SMPPConstant.STAT_ESME_RINVCMDID,
                "submit_multi is not supported by the sandbox",
                () -> table.onAcceptSubmitMulti(new SubmitMulti(), null));
        refused(
                SMPPConstant.STAT_ESME_RQUERYFAIL,
                "query_sm is not supported by the sandbox",
                () -> table.onAcceptQuerySm(new QuerySm(), null));
        refused(
                SMPPConstant.STAT_ESME_RREPLACEFAIL,
                "replace_sm is not supported by the sandbox",
                () -> table.onAcceptReplaceSm(new ReplaceSm(), null));
        refused(
                SMPPConstant.STAT_ESME_RCANCELFAIL,
                "cancel_sm is not supported by the sandbox",
                () -> table.onAcceptCancelSm(new CancelSm(), null));
        refused(
                SMPPConstant.STAT_ESME_RINVCMDID,
                "broadcast_sm is not supported by the sandbox",
                () -> table.onAcceptBroadcastSm(new BroadcastSm(), null));
        refused(
                SMPPConstant.STAT_ESME_RINVCMDID,
                "cancel_broadcast_sm is not supported by the sandbox",
                () -> table.onAcceptCancelBroadcastSm(new CancelBroadcastSm(), null));
        refused(
                SMPPConstant.STAT_ESME_RINVCMDID,
                "query_broadcast_sm is not supported by the sandbox",
                () -> table.onAcceptQueryBroadcastSm(new QueryBroadcastSm(), null));
        refused(
                SMPPConstant.STAT_ESME_RINVCMDID,
                "data_sm is not supported by the sandbox: use submit_sm",
                () -> table.onAcceptDataSm(new DataSm(), null));
    }
}
