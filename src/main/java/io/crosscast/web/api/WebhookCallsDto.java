package io.crosscast.web.api;

import io.crosscast.webhook.WebhookCall;
import java.util.List;

/** A subscription's delivery log, newest first: {@code {"items": [...]}} (see docs/API.md, "Webhooks"). */
public record WebhookCallsDto(List<WebhookCall> items) {}
