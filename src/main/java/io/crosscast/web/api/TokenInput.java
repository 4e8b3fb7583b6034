package io.crosscast.web.api;

/**
 * The body of {@code POST /api/tokens}: {@code {"name": ..., "role": "marketer" | "admin", "expiresInDays": 90}}.
 */
public class TokenInput {

    private String name;
    private String role;
    private Integer expiresInDays;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public Integer getExpiresInDays() {
        return expiresInDays;
    }

    public void setExpiresInDays(Integer expiresInDays) {
        this.expiresInDays = expiresInDays;
    }
}
