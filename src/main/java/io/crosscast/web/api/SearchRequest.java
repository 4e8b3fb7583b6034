package io.crosscast.web.api;

import jakarta.json.JsonObject;

/**
 * The body of {@code POST /api/recipients/search}:
 * {@code {"condition": ..., "sort": "lastName", "ascending": true, "first": 0, "pageSize": 50}}, every key
 * optional (no condition finds everyone; the values shown are the defaults).
 */
public class SearchRequest {

    private JsonObject condition;
    private String sort;
    private Boolean ascending;
    private Integer first;
    private Integer pageSize;

    public JsonObject getCondition() {
        return condition;
    }

    public void setCondition(JsonObject condition) {
        this.condition = condition;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public Boolean getAscending() {
        return ascending;
    }

    public void setAscending(Boolean ascending) {
        this.ascending = ascending;
    }

    public Integer getFirst() {
        return first;
    }

    public void setFirst(Integer first) {
        this.first = first;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }
}
