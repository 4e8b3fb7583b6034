package io.crosscast.sandbox;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/** An SMPP address of the sandbox's SMSC, with its type of number and numbering plan. */
record SmppAddress(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {

    SmppAddress {
        address = address == null ? "" : address;
    }

    /** As received; unknown TON or NPI values read as unknown. */
    static SmppAddress of(byte ton, byte npi, String address) {
        TypeOfNumber type;
        NumberingPlanIndicator plan;
        try {
            type = TypeOfNumber.valueOf(ton);
        } catch (IllegalArgumentException e) {
            type = TypeOfNumber.UNKNOWN;
        }
        try {
            plan = NumberingPlanIndicator.valueOf(npi);
        } catch (IllegalArgumentException e) {
            plan = NumberingPlanIndicator.UNKNOWN;
        }
        return new SmppAddress(type, plan, address);
    }

    /** {@code +33...}: international, ISDN, without the plus; digits: unknown, ISDN; else alphanumeric. */
    static SmppAddress parse(String text) {
        String value = text.strip();
        if (value.length() > 1 && value.charAt(0) == '+' && digits(value.substring(1))) {
            return new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, value.substring(1));
        }
        if (digits(value)) {
            return new SmppAddress(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, value);
        }
        return new SmppAddress(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, value);
    }

    /** As the outbox shows it: international numbers with their {@code +}. */
    String shown() {
        return ton == TypeOfNumber.INTERNATIONAL && digits(address) ? "+" + address : address;
    }

    private static boolean digits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
