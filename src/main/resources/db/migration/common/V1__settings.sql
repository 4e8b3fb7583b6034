-- Server-wide settings (secrets, preferences), one row per name.
CREATE TABLE app_setting (
    name       VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
