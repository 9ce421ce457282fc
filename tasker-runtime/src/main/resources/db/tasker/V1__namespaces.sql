-- Namespaces group task templates and name the queues workers listen on.
CREATE TABLE tasker_namespaces (
    namespace_uuid uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9_]{1,64}$'),
    description    text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
