package io.crosscast.sandbox;

import java.util.Map;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;

/**
 * What the sandbox's SMSC does with each request PDU an ESME sends, as one table from command id to handler:
 * submit_sm is accepted ({@link SmscSubmissions}); submit_multi, data_sm, query_sm, replace_sm, cancel_sm and
 * the broadcast operations are refused with an SMPP error status. jSMPP calls one listener method per PDU
 * type: each only looks its command id up in the table. Binds, unbinds and enquire_link are answered by jSMPP
 * itself ({@link SmscSessions}). The submit_sm_resp sent, or not, are passed on to {@link SmscReceipts}.
 */
final class SmscPduTable implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    /** What is done with one request PDU: its result (null for operations that have none), or a refusal. */
    @FunctionalInterface
    interface PduHandler {
        Object handle(Command pdu, Session source) throws ProcessRequestException;
    }

    private final Map<Integer, PduHandler> handlers;
    private final SmscReceipts receipts;

    SmscPduTable(SmscSubmissions submissions, SmscReceipts receipts) {
        this.receipts = receipts;
        this.handlers = Map.of(
                SMPPConstant.CID_SUBMIT_SM,
                (pdu, source) -> submissions.accept((SubmitSm) pdu, (SMPPServerSession) source),
                SMPPConstant.CID_SUBMIT_MULTI,
                refused("submit_multi", SMPPConstant.STAT_ESME_RINVCMDID),
                SMPPConstant.CID_QUERY_SM,
                refused("query_sm", SMPPConstant.STAT_ESME_RQUERYFAIL),
                SMPPConstant.CID_REPLACE_SM,
                refused("replace_sm", SMPPConstant.STAT_ESME_RREPLACEFAIL),
                SMPPConstant.CID_CANCEL_SM,
                refused("cancel_sm", SMPPConstant.STAT_ESME_RCANCELFAIL),
                SMPPConstant.CID_BROADCAST_SM,
                refused("broadcast_sm", SMPPConstant.STAT_ESME_RINVCMDID),
                SMPPConstant.CID_CANCEL_BROADCAST_SM,
                refused("cancel_broadcast_sm", SMPPConstant.STAT_ESME_RINVCMDID),
                SMPPConstant.CID_QUERY_BROADCAST_SM,
                refused("query_broadcast_sm", SMPPConstant.STAT_ESME_RINVCMDID),
                SMPPConstant.CID_DATA_SM,
                refused("data_sm", ": use submit_sm", SMPPConstant.STAT_ESME_RINVCMDID));
    }

    private static PduHandler refused(String operation, int status) {
        return refused(operation, "", status);
    }

    /** Refuses the operation with {@code status}: "operation is not supported by the sandbox" and the advice. */
    private static PduHandler refused(String operation, String advice, int status) {
        String message = operation + " is not supported by the sandbox" + advice;
        return (pdu, source) -> {
            throw new ProcessRequestException(message, status);
        };
    }

    /** The result of the table's handler of {@code commandId}; a command without one is refused. */
    private <R> R handle(int commandId, Command pdu, Session source, Class<R> result) throws ProcessRequestException {
        PduHandler handler = handlers.get(commandId);
        if (handler == null) {
            throw new ProcessRequestException(
                    String.format("command 0x%08X is not supported by the sandbox", commandId),
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }
        return result.cast(handler.handle(pdu, source));
    }

    // --- jSMPP's requests, one method per PDU type, each into the table

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        return handle(SMPPConstant.CID_SUBMIT_SM, submitSm, source, SubmitSmResult.class);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        return handle(SMPPConstant.CID_SUBMIT_MULTI, submitMulti, source, SubmitMultiResult.class);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        return handle(SMPPConstant.CID_QUERY_SM, querySm, source, QuerySmResult.class);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        handle(SMPPConstant.CID_REPLACE_SM, replaceSm, source, Void.class);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        handle(SMPPConstant.CID_CANCEL_SM, cancelSm, source, Void.class);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        return handle(SMPPConstant.CID_BROADCAST_SM, broadcastSm, source, BroadcastSmResult.class);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        handle(SMPPConstant.CID_CANCEL_BROADCAST_SM, cancelBroadcastSm, source, Void.class);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        return handle(SMPPConstant.CID_QUERY_BROADCAST_SM, queryBroadcastSm, source, QueryBroadcastSmResult.class);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        return handle(SMPPConstant.CID_DATA_SM, dataSm, source, DataSmResult.class);
    }

    // --- the responses: a receipt follows the submit_sm_resp of the part that completed its message

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        receipts.responded(result.getMessageId());
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
        receipts.responseFailed(result.getMessageId());
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
        // submit_multi is refused
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession source) {
        // submit_multi is refused
    }
}
