package io.crosscast.tracking.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs arbitrary payloads the way {@link TrackingTokens} does, to test what it does with odd ones. */
final class TestSigning {

    private TestSigning() {}

    static String sign(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("crosscast/tracking-token/v1\0".getBytes(StandardCharsets.US_ASCII));
            byte[] tag = mac.doFinal(payload);
            byte[] signed = Arrays.copyOf(payload, payload.length + TrackingTokens.MAC_BYTES);
            System.arraycopy(tag, 0, signed, payload.length, TrackingTokens.MAC_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
