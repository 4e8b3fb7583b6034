package io.crosscast.workflow.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.Text;
import io.crosscast.engine.activities.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The container's activities speak through the engine's bundle, in English and in French. */
class ActivityTextsTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            Text.BUNDLE,
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @Test
    void everyStatusChannelAndModeHasItsWords() {
        List<String> keys = new ArrayList<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            keys.add(DeliveryActivity.status(status).key());
        }
        for (Channel channel : Channel.values()) {
            keys.add("delivery.wrongChannel." + channel.name());
        }
        for (String mode : ListUpdateActivity.MODES) {
            keys.add(ListUpdateActivity.mode(mode).key());
        }
        // The French bundle has the same keys as the English one (TextBundlesTest).
        List<String> missing =
                keys.stream().filter(k -> !ENGLISH.containsKey(k)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void aListUpdatesProblemsAndLogLine() {
        ListUpdateActivity activity = new ListUpdateActivity();
        assertEquals(
                List.of(Text.of("listUpdate.required")),
                activity.validate(new ActivityDefinition("l", Types.LIST_UPDATE, Map.of("list", " "))));
        List<Text> problems = activity.validate(
                new ActivityDefinition("l", Types.LIST_UPDATE, Map.of("list", "x".repeat(201), "mode", "merge")));
        assertEquals(
                List.of("A list name has at most 200 characters.", "Mode 'merge' is not one of add, replace, remove."),
                problems.stream().map(Text::english).toList());
        assertEquals(
                "Le mode « merge » n'est ni add, ni replace, ni remove.",
                problems.get(1).in(Locale.FRENCH));

        Text line = Text.of("listUpdate.log.changed", "Engaged", ListUpdateActivity.mode("replace"), 3, 12);
        assertEquals("list 'Engaged' (replace): 3 recipient(s) changed, 12 member(s)", line.english());
        assertEquals(
                "liste « Engaged » (remplacement) : 3 destinataire(s) modifié(s), 12 membre(s)",
                line.in(Locale.FRENCH));
    }

    @Test
    void aDeliveryActivityWithoutItsDeliveryAndItsLogLines() {
        assertEquals(
                List.of(Text.of("delivery.required")),
                new EmailDeliveryActivity().validate(new ActivityDefinition("m", Types.EMAIL_DELIVERY, Map.of())));
        assertEquals(
                List.of(Text.of("delivery.required")),
                new SmsDeliveryActivity()
                        .validate(new ActivityDefinition("m", Types.SMS_DELIVERY, Map.of("delivery", "none"))));

        Text targeted = Text.of("delivery.log.targeted", 12L, "Spring offer", 100L, 90L, 10L);
        assertEquals("delivery 12 'Spring offer': 100 targeted, 90 to send, 10 excluded", targeted.english());
        assertEquals(
                "diffusion 12 « Spring offer » : 100 ciblé(s), 90 à envoyer, 10 exclu(s)", targeted.in(Locale.FRENCH));
        Text over = Text.of("delivery.log.over", 12L, DeliveryActivity.status(DeliveryStatus.SENT), 88L, 2L, 10L);
        assertEquals("delivery 12 sent: 88 sent, 2 failed, 10 excluded", over.english());
        assertEquals("diffusion 12 envoyée : 88 envoyé(s), 2 en échec, 10 exclu(s)", over.in(Locale.FRENCH));
    }
}
