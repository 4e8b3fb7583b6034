package io.crosscast.audience.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mobile phone numbers, read as people write them and stored in E.164 ({@code +33612345678}), using
 * Google's libphonenumber.
 * <p>A number written without its international prefix is read in the region given as a hint (the
 * recipient's country), or in this instance's default region when the hint is missing or not a region
 * libphonenumber knows. Spaces, dots, dashes and parentheses are ignored; {@code +} and the region's
 * international call prefix ({@code 00} in Europe, {@code 011} in North America) introduce an
 * international number.
 * <p>Only numbers that can receive text messages are accepted: libphonenumber's types {@code MOBILE} and
 * {@code FIXED_LINE_OR_MOBILE} (the latter because some numbering plans, the North American one for
 * instance, do not tell the two apart). Landlines, VoIP, toll-free, premium-rate, pager and other types
 * are refused. An extension, if any, is dropped.
 * <p>Instances are immutable and thread-safe.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> MOBILE_TYPES =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166 alpha-2 code of the region used when a number comes without a usable
     *                      region hint, for example {@code "FR"}
     * @throws IllegalArgumentException when libphonenumber does not know the region
     */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("'" + defaultRegion + "' is not a known phone region");
        }
        this.defaultRegion = region;
    }

    /** The region used when a number comes without a usable region hint. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Reads a mobile phone number.
     *
     * @param raw        the number as written, for example {@code "06 12 34 56 78"} or {@code "+44 7700 900123"}
     * @param regionHint ISO 3166 alpha-2 code of the region a national number belongs to (case-insensitive);
     *                   null, blank or unknown means the default region
     * @return the number in E.164
     * @throws InvalidContactException when the number is blank, not a valid number, or not a mobile number
     */
    public String toE164(String raw, String regionHint) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidContactException(ContactProblem.PHONE_REQUIRED);
        }
        String written = raw.strip();
        String region = regionFor(regionHint);
        PhoneNumber number = parse(written, region);
        if (!MOBILE_TYPES.contains(UTIL.getNumberType(number))) {
            throw new InvalidContactException(ContactProblem.PHONE_NOT_MOBILE, written);
        }
        return UTIL.format(number, PhoneNumberFormat.E164);
    }

    /**
     * Like {@link #toE164(String, String)}, but a null or blank number gives an empty result instead of
     * an error.
     *
     * @throws InvalidContactException when a number is present and not a valid mobile number
     */
    public Optional<String> toE164Optional(String raw, String regionHint) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(toE164(raw, regionHint));
    }

    private PhoneNumber parse(String written, String region) {
        try {
            PhoneNumber number = UTIL.parse(written, region);
            if (UTIL.isValidNumber(number)) {
                return number;
            }
        } catch (NumberParseException e) {
            // reported below like any other invalid number
        }
        throw new InvalidContactException(ContactProblem.PHONE_INVALID, written, region);
    }

    private String regionFor(String hint) {
        if (hint == null) {
            return defaultRegion;
        }
        String region = hint.strip().toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(region) ? region : defaultRegion;
    }
}
