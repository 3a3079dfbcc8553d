-- Plan pricing (core/billing/planpricing.h) and each plan's default isolation strategy, beside
-- the limits of migration 0005. pricing is the JSON form of Billing::PlanPricing; NULL until
-- the shipped plans (resources/billing/plans.json) are seeded into it at start-up, so an
-- operator's later edits are never overwritten.
ALTER TABLE plans ADD COLUMN pricing TEXT;
ALTER TABLE plans ADD COLUMN isolation TEXT;

-- The tenant's customer at the payment gateway (e.g. Stripe's "cus_…"); NULL: none yet.
ALTER TABLE subscriptions ADD COLUMN payment_customer TEXT;
