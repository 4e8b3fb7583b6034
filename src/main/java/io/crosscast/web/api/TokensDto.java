package io.crosscast.web.api;

import java.util.List;

/** The tokens the caller may see, newest first: {@code {"items": [...]}}. */
public record TokensDto(List<TokenDto> items) {}
