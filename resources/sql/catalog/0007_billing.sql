-- Billing (core/billing; rows read and written by the repositories in core/storage). Every
-- amount is an integer count of the currency's minor units (core/billing/money.h); every
-- time is milliseconds since the epoch (UTC), like everywhere in the catalog.

-- Who issues invoices, the tax rate, the invoice number prefix and the dunning schedule:
-- one JSON document (Billing::BillingSettings), edited through the admin API.
CREATE TABLE billing_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A tenant's one subscription. period_start/period_end is the current billing period
-- [start, end); scheduled_plan is a change due at period_end (a downgrade by default).
-- dunning_attempt counts failed payment retries of the oldest unpaid invoice.
CREATE TABLE subscriptions (
    tenant_id TEXT PRIMARY KEY,
    plan TEXT NOT NULL,
    cycle TEXT NOT NULL,
    status TEXT NOT NULL,
    anchor_at BIGINT NOT NULL,
    period_start BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    trial_end BIGINT,
    scheduled_plan TEXT,
    scheduled_cycle TEXT,
    cancel_at_period_end INTEGER NOT NULL DEFAULT 0,
    dunning_attempt INTEGER NOT NULL DEFAULT 0,
    next_retry_at BIGINT,
    past_due_since BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX subscriptions_period_end ON subscriptions (period_end);

-- Everything that happened to a subscription, oldest first by id: created, plan changes,
-- renewals, status moves, payment attempts, dunning steps. detail is a JSON object.
-- id comes from the 'subscription_events_last_id' counter (as quota_alerts' ids).
CREATE TABLE subscription_events (
    id BIGINT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX subscription_events_tenant ON subscription_events (tenant_id, id);
INSERT INTO catalog_state (name, value) VALUES ('subscription_events_last_id', 0);

-- Lines waiting for the tenant's next invoice (prorations of plan changes, adjustments);
-- invoice_id is set when an invoice takes them. A tenant's purge removes those still waiting.
CREATE TABLE pending_invoice_lines (
    id BIGINT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    line TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    invoice_id TEXT
);
CREATE INDEX pending_invoice_lines_tenant ON pending_invoice_lines (tenant_id, invoice_id);
INSERT INTO catalog_state (name, value) VALUES ('pending_invoice_lines_last_id', 0);

-- Metered usage reported by event (POST /admin/v1/meter-events): an event id is counted
-- once, however often it is sent.
CREATE TABLE meter_events (
    event_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX meter_events_tenant ON meter_events (tenant_id, dimension, occurred_at);

-- Invoices and credit notes. number is NULL while a draft and assigned at finalization from
-- invoice_sequences in the same transaction, so numbers have no gaps. document is the whole
-- invoice as JSON (core/billing/invoicejson.h), frozen once finalized: later only status,
-- paid_at and the status columns change; corrections are credit notes (kind 'credit_note',
-- corrects = the invoice's id).
CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    number TEXT UNIQUE,
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    corrects TEXT,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    period_start BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    subtotal_minor BIGINT NOT NULL,
    tax_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    amount_paid_minor BIGINT NOT NULL DEFAULT 0,
    issued_at BIGINT,
    due_at BIGINT,
    paid_at BIGINT,
    document TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- 1 for the invoice of a whole billing period (a subscription's first, a renewal's); a
    -- plan change's invoice and a credit note are 0: a period may have any number of them.
    covers_period INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invoices_tenant ON invoices (tenant_id, created_at);
CREATE INDEX invoices_status ON invoices (status, due_at);
-- One period's invoice per tenant, so a run repeated after a crash makes no second one.
CREATE UNIQUE INDEX invoices_period ON invoices (tenant_id, period_start, period_end) WHERE covers_period = 1;

CREATE TABLE invoice_sequences (
    issuer TEXT PRIMARY KEY,
    last_number BIGINT NOT NULL
);

-- Every attempt to collect an invoice. idempotency_key is what the gateway was sent: a retry
-- of the same attempt reuses it, so it can never charge twice.
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    invoice_id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    gateway TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    gateway_reference TEXT,
    failure_code TEXT,
    failure_message TEXT,
    attempted_at BIGINT NOT NULL
);
CREATE INDEX payments_invoice ON payments (invoice_id, attempted_at);
