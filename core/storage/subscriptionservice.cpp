#include "core/storage/subscriptionservice.h"

#include "core/billing/invoicejson.h"
#include "core/billing/jsonreading.h"
#include "core/billing/proration.h"
#include "core/storage/catalogquotaservice.h"
#include "core/storage/invoiceissuer.h"
#include "core/storage/pendinglinerepository.h"
#include "core/storage/subscriptionrepository.h"
#include "core/storage/tenantrepository.h"

#include <QDateTime>
#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

qint64 wholeSecond(qint64 ms)
{
    return ms - ms % 1000;
}

Result<Billing::BillingCycle> cycleNamed(const QString &name)
{
    Billing::BillingCycle cycle{};
    if (!Billing::parseBillingCycle(name, &cycle))
        return Error::invalid(u"invalid-cycle"_s, u"A billing cycle is monthly or yearly, not '%1'."_s.arg(name),
                              {{u"/cycle"_s, u"not monthly or yearly"_s}});
    return cycle;
}

// The plan's fee for `cycle`. Errors: "plan-not-for-sale", "cycle-not-offered".
Result<Billing::Money> feeOf(const PricedPlan &plan, const QString &cycle)
{
    if (!plan.pricing)
        return Error::invalid(u"plan-not-for-sale"_s, u"Plan '%1' has no pricing, so no tenant can subscribe to it."_s
                                                          .arg(plan.name));
    return Billing::cycleFee(*plan.pricing, cycle);
}

qint64 yearly(const Billing::Money &fee, const QString &cycle)
{
    return cycle == u"yearly"_s ? fee.minor() : fee.minor() * 12;
}

QString planLabel(const PricedPlan &plan, const QString &cycle)
{
    return u"%1 plan (%2)"_s.arg(plan.displayName.isEmpty() ? plan.name : plan.displayName, cycle);
}

Result<qint64> record(QSqlDatabase &tx, const Actor &actor, const QString &tenantId, qint64 atMs, const QString &kind,
                      const QJsonObject &detail)
{
    return SubscriptionRepository::appendEvent(tx, {0, tenantId, atMs, kind, actor.id, detail});
}

// The tenant's subscription, or subscription-not-found: every operation but subscribe needs one.
Result<Billing::Subscription> existing(QSqlDatabase &db, const Tenant &tenant)
{
    auto found = SubscriptionRepository::find(db, tenant.id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(u"subscription-not-found"_s, u"Tenant '%1' has no subscription."_s.arg(tenant.slug));
    return **found;
}

} // namespace

QJsonObject subscriptionToJson(const Billing::Subscription &s)
{
    return {{u"tenant_id"_s, s.tenantId},
            {u"plan"_s, s.plan},
            {u"cycle"_s, s.cycle},
            {u"status"_s, Billing::subscriptionStatusName(s.status)},
            {u"anchor_at"_s, Billing::billingTimeJson(s.anchorMs)},
            {u"current_period"_s, QJsonObject{{u"start"_s, Billing::billingTimeJson(s.periodStartMs)}, {u"end"_s, Billing::billingTimeJson(s.periodEndMs)}}},
            {u"trial_end"_s, Billing::billingTimeJson(s.trialEndMs)},
            {u"scheduled_change"_s, s.scheduledPlan.isEmpty()
                                        ? QJsonValue()
                                        : QJsonValue(QJsonObject{{u"plan"_s, s.scheduledPlan},
                                                                 {u"cycle"_s, s.scheduledCycle},
                                                                 {u"at"_s, Billing::billingTimeJson(s.periodEndMs)}})},
            {u"cancel_at_period_end"_s, s.cancelAtPeriodEnd},
            {u"payment_customer"_s, s.paymentCustomer.isEmpty() ? QJsonValue() : QJsonValue(s.paymentCustomer)},
            {u"dunning"_s, QJsonObject{{u"retries_done"_s, s.dunningAttempt},
                                       {u"next_step_at"_s, Billing::billingTimeJson(s.nextRetryMs)},
                                       {u"past_due_since"_s, Billing::billingTimeJson(s.pastDueSinceMs)}}},
            {u"created_at"_s, Billing::billingTimeJson(s.createdMs)},
            {u"updated_at"_s, Billing::billingTimeJson(s.updatedMs)}};
}

QJsonObject subscriptionEventToJson(const Billing::SubscriptionEvent &e)
{
    return {{u"id"_s, e.id}, {u"at"_s, Billing::billingTimeJson(e.atMs)}, {u"kind"_s, e.kind}, {u"actor"_s, e.actor}, {u"detail"_s, e.detail}};
}

QJsonObject planChangeQuoteToJson(const PlanChangeQuote &q)
{
    QJsonArray lines;
    for (const Billing::InvoiceLine &l : q.lines)
        lines.append(QJsonObject{{u"kind"_s, l.kind},
                                 {u"description"_s, l.description},
                                 {u"amount"_s, l.amount.decimal()},
                                 {u"period"_s, QJsonObject{{u"start"_s, Billing::billingTimeJson(l.periodStartMs)},
                                                           {u"end"_s, Billing::billingTimeJson(l.periodEndMs)}}}});
    return {{u"from"_s, QJsonObject{{u"plan"_s, q.fromPlan}, {u"cycle"_s, q.fromCycle}}},
            {u"to"_s, QJsonObject{{u"plan"_s, q.toPlan}, {u"cycle"_s, q.toCycle}}},
            {u"direction"_s, q.direction},
            {u"timing"_s, Billing::changeTimingName(q.timing)},
            {u"at"_s, Billing::billingTimeJson(q.atMs)},
            {u"at_ms"_s, q.atMs},
            {u"effective_at"_s, Billing::billingTimeJson(q.effectiveMs)},
            {u"current_period"_s, QJsonObject{{u"start"_s, Billing::billingTimeJson(q.period.startMs)}, {u"end"_s, Billing::billingTimeJson(q.period.endMs)}}},
            {u"currency"_s, q.net.currency().code},
            {u"lines"_s, lines},
            {u"net"_s, q.net.decimal()}};
}

Result<Billing::Subscription> subscriptionFromJson(const QJsonObject &json)
{
    using namespace Billing;
    QList<FieldError> errors;
    Subscription s;
    if (readString(json.value(u"tenant_id"_s), u"/tenant_id"_s, errors, &s.tenantId) && s.tenantId.isEmpty())
        errors.append({u"/tenant_id"_s, u"a tenant id"_s});
    readString(json.value(u"plan"_s), u"/plan"_s, errors, &s.plan);
    readString(json.value(u"cycle"_s), u"/cycle"_s, errors, &s.cycle);
    QString status;
    if (readString(json.value(u"status"_s), u"/status"_s, errors, &status) && !parseSubscriptionStatus(status, &s.status))
        errors.append({u"/status"_s, u"trialing, active, past_due, degraded, suspended or canceled"_s});
    readTime(json.value(u"anchor_at"_s), u"/anchor_at"_s, errors, &s.anchorMs);
    BillingPeriod period;
    readPeriod(json.value(u"current_period"_s), u"/current_period"_s, errors, &period);
    s.periodStartMs = period.startMs;
    s.periodEndMs = period.endMs;
    readTime(json.value(u"trial_end"_s), u"/trial_end"_s, errors, &s.trialEndMs);
    // Its "at" is the period's end, which the subscription already says.
    const QJsonValue scheduled = json.value(u"scheduled_change"_s);
    if (scheduled.isObject()) {
        const QJsonObject change = scheduled.toObject();
        readString(change.value(u"plan"_s), u"/scheduled_change/plan"_s, errors, &s.scheduledPlan);
        readString(change.value(u"cycle"_s), u"/scheduled_change/cycle"_s, errors, &s.scheduledCycle);
    } else if (!scheduled.isNull() && !scheduled.isUndefined()) {
        errors.append({u"/scheduled_change"_s, u"an object or null"_s});
    }
    readBool(json.value(u"cancel_at_period_end"_s), u"/cancel_at_period_end"_s, errors, &s.cancelAtPeriodEnd);
    readString(json.value(u"payment_customer"_s), u"/payment_customer"_s, errors, &s.paymentCustomer, true);
    const QJsonObject dunning = readObject(json.value(u"dunning"_s), u"/dunning"_s, errors);
    qint64 retries = 0;
    if (readWhole(dunning.value(u"retries_done"_s), 0, std::numeric_limits<int>::max(), u"/dunning/retries_done"_s,
                  errors, &retries))
        s.dunningAttempt = int(retries);
    readTime(dunning.value(u"next_step_at"_s), u"/dunning/next_step_at"_s, errors, &s.nextRetryMs);
    readTime(dunning.value(u"past_due_since"_s), u"/dunning/past_due_since"_s, errors, &s.pastDueSinceMs);
    readTime(json.value(u"created_at"_s), u"/created_at"_s, errors, &s.createdMs);
    readTime(json.value(u"updated_at"_s), u"/updated_at"_s, errors, &s.updatedMs);
    if (!errors.isEmpty())
        return documentError(u"invalid-subscription-document"_s, u"subscription document"_s, errors);
    return s;
}

Result<PlanChangeQuote> planChangeQuoteFromJson(const QJsonObject &json)
{
    using namespace Billing;
    QList<FieldError> errors;
    PlanChangeQuote q;
    const QJsonObject from = readObject(json.value(u"from"_s), u"/from"_s, errors);
    readString(from.value(u"plan"_s), u"/from/plan"_s, errors, &q.fromPlan);
    readString(from.value(u"cycle"_s), u"/from/cycle"_s, errors, &q.fromCycle);
    const QJsonObject to = readObject(json.value(u"to"_s), u"/to"_s, errors);
    readString(to.value(u"plan"_s), u"/to/plan"_s, errors, &q.toPlan);
    readString(to.value(u"cycle"_s), u"/to/cycle"_s, errors, &q.toCycle);
    readString(json.value(u"direction"_s), u"/direction"_s, errors, &q.direction);
    QString timing;
    if (readString(json.value(u"timing"_s), u"/timing"_s, errors, &timing) && !parseChangeTiming(timing, &q.timing))
        errors.append({u"/timing"_s, u"immediate or period_end"_s});
    // at_ms rather than "at": the same instant, as the number a change sends back.
    readWhole(json.value(u"at_ms"_s), 0, std::numeric_limits<qint64>::max() / 2, u"/at_ms"_s, errors, &q.atMs);
    readTime(json.value(u"effective_at"_s), u"/effective_at"_s, errors, &q.effectiveMs);
    readPeriod(json.value(u"current_period"_s), u"/current_period"_s, errors, &q.period);
    auto currency = currencyOf(json.value(u"currency"_s).toString());
    if (!currency) {
        errors.append({u"/currency"_s, u"an ISO 4217 code"_s});
        return documentError(u"invalid-plan-change-document"_s, u"plan change document"_s, errors);
    }
    const QJsonValue lines = json.value(u"lines"_s);
    if (!lines.isArray())
        errors.append({u"/lines"_s, u"an array"_s});
    const QJsonArray array = lines.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = u"/lines/%1"_s.arg(i);
        if (!array.at(i).isObject()) {
            errors.append({at, u"an object"_s});
            continue;
        }
        // A quote's lines are fixed amounts (fixedLine()), so these four fields are all of them.
        const QJsonObject o = array.at(i).toObject();
        QString kind, description;
        Money amount(0, currency.value());
        readString(o.value(u"kind"_s), at + u"/kind"_s, errors, &kind);
        readString(o.value(u"description"_s), at + u"/description"_s, errors, &description);
        readMoney(o.value(u"amount"_s), currency.value(), at + u"/amount"_s, errors, &amount);
        BillingPeriod covered;
        readPeriod(o.value(u"period"_s), at + u"/period"_s, errors, &covered);
        q.lines.append(fixedLine(kind, description, amount, covered.startMs, covered.endMs));
    }
    q.net = Money(0, currency.value());
    readMoney(json.value(u"net"_s), currency.value(), u"/net"_s, errors, &q.net);
    if (!errors.isEmpty())
        return documentError(u"invalid-plan-change-document"_s, u"plan change document"_s, errors);
    return q;
}

SubscriptionService::SubscriptionService(Catalog &catalog, AuditRecorder &audit, TenantDirectory &directory,
                                         BillingSettingsStore &settings, PlanPricingStore &plans, const Clock &clock)
    : m_catalog(catalog)
    , m_audit(audit)
    , m_directory(directory)
    , m_settings(settings)
    , m_plans(plans)
    , m_clock(clock)
{
}

Result<Billing::Subscription> SubscriptionService::subscription(const Tenant &tenant)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return existing(db.value(), tenant);
}

Result<QList<Billing::Subscription>> SubscriptionService::subscriptions()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return SubscriptionRepository::list(db.value());
}

Result<QList<Billing::SubscriptionEvent>> SubscriptionService::history(const Tenant &tenant)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return SubscriptionRepository::events(db.value(), tenant.id);
}

Result<Billing::Subscription> SubscriptionService::subscribe(const Actor &actor, const Tenant &tenant,
                                                             const SubscribeRequest &request)
{
    if (tenant.status == TenantStatus::Deleted || tenant.status == TenantStatus::Purged)
        return Error::conflict(u"tenant-not-billable"_s, u"Tenant '%1' is deleted: it cannot subscribe."_s.arg(tenant.slug));
    auto cycle = cycleNamed(request.cycle);
    if (!cycle)
        return cycle.error();
    auto settings = m_settings.settings();
    if (!settings)
        return settings.error();
    const qint64 now = wholeSecond(m_clock.now().toMSecsSinceEpoch());
    Billing::Subscription created;
    Tenant updated;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto existing = SubscriptionRepository::find(tx, tenant.id);
        if (!existing)
            return existing.error();
        if (existing->has_value() && (*existing)->status != Billing::SubscriptionStatus::Canceled)
            return Error::conflict(u"subscription-exists"_s,
                                   u"Tenant '%1' already has a subscription; change its plan instead."_s.arg(tenant.slug));
        auto plan = PlanPricingStore::find(tx, request.plan);
        if (!plan)
            return plan.error();
        auto fee = feeOf(plan.value(), request.cycle);
        if (!fee)
            return fee.error();

        Billing::Subscription s;
        s.tenantId = tenant.id;
        s.plan = request.plan;
        s.cycle = request.cycle;
        s.paymentCustomer = request.paymentCustomer;
        s.createdMs = existing->has_value() ? (*existing)->createdMs : now;
        s.updatedMs = now;
        const int trialDays = request.trial ? plan->pricing->trialDays : 0;
        if (trialDays > 0) {
            // The trial is a period of its own; the first paid period is anchored at its end.
            s.status = Billing::SubscriptionStatus::Trialing;
            s.trialEndMs = now + qint64(trialDays) * 86'400'000;
            s.anchorMs = s.trialEndMs;
            s.periodStartMs = now;
            s.periodEndMs = s.trialEndMs;
        } else {
            s.status = Billing::SubscriptionStatus::Active;
            s.anchorMs = now;
            const auto period = Billing::billingPeriodAt(now, cycle.value(), 0);
            s.periodStartMs = period.startMs;
            s.periodEndMs = period.endMs;
        }
        if (Status saved = SubscriptionRepository::save(tx, s); !saved)
            return saved;
        if (Status planned = TenantRepository::setPlanAndStatus(tx, tenant.slug, s.plan, std::nullopt, m_clock.now(), &updated); !planned)
            return planned;
        QJsonObject detail{{u"plan"_s, s.plan}, {u"cycle"_s, s.cycle}, {u"status"_s, Billing::subscriptionStatusName(s.status)}};
        if (s.status == Billing::SubscriptionStatus::Active && !fee->isZero()) {
            // Fees are billed in advance: the first period's invoice is issued now.
            auto invoice = InvoiceIssuer::issue(
                tx, settings.value(), updated, fee->currency(),
                {Billing::fixedLine(u"plan_fee"_s, planLabel(plan.value(), s.cycle), fee.value(), s.periodStartMs,
                                    s.periodEndMs)},
                {s.periodStartMs, s.periodEndMs}, now);
            if (!invoice)
                return invoice.error();
            detail.insert(u"invoice"_s, invoice->number);
        }
        if (auto e = record(tx, actor, tenant.id, now, u"created"_s, detail); !e)
            return e.error();
        created = s;
        return m_audit.record(tx, actor, {tenant.id, u"subscription.create"_s, u"tenant:"_s + tenant.slug,
                                          existing->has_value() ? QJsonValue(subscriptionToJson(**existing)) : QJsonValue(),
                                          subscriptionToJson(s)});
    });
    if (!done)
        return done.error();
    m_directory.upsert(updated);
    return created;
}

Result<PlanChangeQuote> SubscriptionService::quote(QSqlDatabase &db, const Billing::Subscription &current,
                                                   const PlanChangeRequest &request, qint64 atMs)
{
    using Billing::SubscriptionStatus;
    if (current.status == SubscriptionStatus::Degraded || current.status == SubscriptionStatus::Suspended
        || current.status == SubscriptionStatus::Canceled) {
        return Error::conflict(u"subscription-not-changeable"_s,
                               u"A %1 subscription cannot change its plan; pay the open invoice (or subscribe again) first."_s
                                   .arg(Billing::subscriptionStatusName(current.status)));
    }
    PlanChangeQuote q;
    q.fromPlan = current.plan;
    q.fromCycle = current.cycle;
    q.toPlan = request.plan;
    q.toCycle = request.cycle.isEmpty() ? current.cycle : request.cycle;
    auto toCycle = cycleNamed(q.toCycle);
    if (!toCycle)
        return toCycle.error();
    if (q.toPlan == q.fromPlan && q.toCycle == q.fromCycle)
        return Error::invalid(u"same-plan"_s, u"The subscription is already on %1 (%2)."_s.arg(q.toPlan, q.toCycle));
    auto newPlan = PlanPricingStore::find(db, q.toPlan);
    if (!newPlan)
        return newPlan.error();
    auto newFee = feeOf(newPlan.value(), q.toCycle);
    if (!newFee)
        return newFee.error();
    // A plan whose pricing was removed since is worth nothing for the time left.
    PricedPlan oldPlan{current.plan, current.plan, {}, {}};
    if (auto found = PlanPricingStore::find(db, current.plan))
        oldPlan = found.value();
    Billing::Money oldFee(0, newFee->currency());
    if (oldPlan.pricing) {
        if (auto fee = Billing::cycleFee(*oldPlan.pricing, current.cycle))
            oldFee = fee.value();
    }
    if (!(oldFee.currency() == newFee->currency()))
        return Error::invalid(u"currency-mismatch"_s, u"Plan '%1' is priced in %2 and plan '%3' in %4: a subscription keeps "
                                                      "one currency."_s
                                                          .arg(q.fromPlan, oldFee.currency().code, q.toPlan,
                                                               newFee->currency().code));
    const bool upgrade = yearly(newFee.value(), q.toCycle) >= yearly(oldFee, q.fromCycle);
    q.direction = upgrade ? u"upgrade"_s : u"downgrade"_s;
    auto settings = m_settings.settings();
    if (!settings)
        return settings.error();
    q.timing = request.timing.value_or(upgrade ? settings->upgrades : settings->downgrades);
    q.atMs = wholeSecond(atMs);
    q.period = {current.periodStartMs, current.periodEndMs};
    q.net = Billing::Money(0, newFee->currency());
    if (q.timing == Billing::ChangeTiming::PeriodEnd) {
        q.effectiveMs = current.periodEndMs;
        return q;
    }
    q.effectiveMs = q.atMs;
    if (!q.period.contains(q.atMs))
        return Error::conflict(u"renewal-due"_s, u"The current period has ended; the change can be made once it is renewed."_s);
    // Nothing was paid during a trial, so nothing is credited or charged for it.
    if (current.status == SubscriptionStatus::Trialing)
        return q;
    if (q.toCycle == q.fromCycle) {
        auto prorated = Billing::prorateChange(oldFee, newFee.value(), q.period, q.atMs);
        if (!prorated)
            return prorated.error();
        q.lines.append(Billing::fixedLine(u"proration_credit"_s,
                                          u"Unused time on %1"_s.arg(planLabel(oldPlan, q.fromCycle)),
                                          prorated->credit, q.atMs, q.period.endMs));
        q.lines.append(Billing::fixedLine(u"proration_charge"_s,
                                          u"Remaining time on %1"_s.arg(planLabel(newPlan.value(), q.toCycle)),
                                          prorated->charge, q.atMs, q.period.endMs));
    } else {
        // A new cycle starts a new period now: the unused time of the old one is credited and
        // the new period's fee is charged in full.
        auto unused = Billing::valueOver(oldFee, q.period, q.atMs, q.period.endMs);
        if (!unused)
            return unused.error();
        const auto next = Billing::billingPeriodAt(q.atMs, toCycle.value(), 0);
        q.lines.append(Billing::fixedLine(u"proration_credit"_s,
                                          u"Unused time on %1"_s.arg(planLabel(oldPlan, q.fromCycle)),
                                          unused->negated(), q.atMs, q.period.endMs));
        q.lines.append(Billing::fixedLine(u"plan_fee"_s, planLabel(newPlan.value(), q.toCycle), newFee.value(),
                                          next.startMs, next.endMs));
    }
    for (const Billing::InvoiceLine &l : q.lines) {
        auto sum = q.net.plus(l.amount);
        if (!sum)
            return sum.error();
        q.net = sum.value();
    }
    return q;
}

Result<PlanChangeQuote> SubscriptionService::preview(const Tenant &tenant, const PlanChangeRequest &request)
{
    auto current = subscription(tenant);
    if (!current)
        return current.error();
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return quote(db.value(), current.value(), request,
                 request.atMs ? request.atMs : m_clock.now().toMSecsSinceEpoch());
}

Result<PlanChangeQuote> SubscriptionService::change(const Actor &actor, const Tenant &tenant, const PlanChangeRequest &request)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const qint64 at = request.atMs ? request.atMs : now;
    if (at > now + 1000 || at < now - kPreviewValidityMs)
        return Error::conflict(u"preview-stale"_s, u"The preview is older than 15 minutes (or in the future): preview the "
                                                   "change again."_s);
    auto settings = m_settings.settings();
    if (!settings)
        return settings.error();
    PlanChangeQuote booked;
    Tenant updated;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto found = existing(tx, tenant);
        if (!found)
            return found.error();
        Billing::Subscription s = *found;
        // A preview is for the subscription as it was then: anything booked since (a renewal,
        // another change) makes its amounts wrong.
        if (wholeSecond(at) < s.updatedMs)
            return Error::conflict(u"preview-stale"_s, u"The subscription changed after the preview: preview the change again."_s);
        auto q = quote(tx, s, request, at);
        if (!q)
            return q.error();
        const Billing::Subscription before = s;
        s.updatedMs = std::max(q->atMs, wholeSecond(now));
        if (q->timing == Billing::ChangeTiming::PeriodEnd) {
            s.scheduledPlan = q->toPlan;
            s.scheduledCycle = q->toCycle;
        } else {
            s.plan = q->toPlan;
            s.cycle = q->toCycle;
            s.scheduledPlan.clear();
            s.scheduledCycle.clear();
            if (q->toCycle != q->fromCycle && s.status != Billing::SubscriptionStatus::Trialing) {
                s.anchorMs = q->atMs;
                const auto next = Billing::billingPeriodAt(q->atMs, q->toCycle == u"yearly"_s ? Billing::BillingCycle::Yearly
                                                                                               : Billing::BillingCycle::Monthly, 0);
                s.periodStartMs = next.startMs;
                s.periodEndMs = next.endMs;
            }
            if (Status planned = TenantRepository::setPlanAndStatus(tx, tenant.slug, s.plan, std::nullopt, m_clock.now(), &updated); !planned)
                return planned;
            if (q->net.isNegative() || q->net.isZero()) {
                // Money owed to the tenant waits for its next invoice.
                for (const Billing::InvoiceLine &l : q->lines) {
                    if (auto added = PendingLineRepository::add(tx, tenant.id, l, now); !added)
                        return added.error();
                }
            } else {
                auto invoice = InvoiceIssuer::issue(tx, settings.value(), updated, q->net.currency(), q->lines,
                                                    {q->atMs, q->period.endMs}, now,
                                                    InvoiceIssuer::IssuedFor::PlanChange);
                if (!invoice)
                    return invoice.error();
            }
        }
        if (Status saved = SubscriptionRepository::save(tx, s); !saved)
            return saved;
        QJsonObject detail = planChangeQuoteToJson(q.value());
        auto e = record(tx, actor, tenant.id, now,
                        q->timing == Billing::ChangeTiming::PeriodEnd ? u"change_scheduled"_s : u"plan_changed"_s, detail);
        if (!e)
            return e.error();
        booked = q.value();
        return m_audit.record(tx, actor, {tenant.id, u"subscription.change"_s, u"tenant:"_s + tenant.slug,
                                          subscriptionToJson(before), subscriptionToJson(s)});
    });
    if (!done)
        return done.error();
    if (!updated.id.isEmpty())
        m_directory.upsert(updated);
    return booked;
}

Result<Billing::Subscription> SubscriptionService::cancel(const Actor &actor, const Tenant &tenant, bool atPeriodEnd)
{
    const qint64 now = wholeSecond(m_clock.now().toMSecsSinceEpoch());
    Billing::Subscription after;
    Tenant updated;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto found = existing(tx, tenant);
        if (!found)
            return found.error();
        Billing::Subscription s = *found;
        if (s.status == Billing::SubscriptionStatus::Canceled)
            return Error::conflict(u"subscription-canceled"_s, u"The subscription is already canceled."_s);
        const Billing::Subscription before = s;
        const bool wasDegraded = Billing::isDegraded(s.status);
        if (atPeriodEnd) {
            s.cancelAtPeriodEnd = true;
        } else {
            s.status = Billing::SubscriptionStatus::Canceled;
            s.periodEndMs = std::min(s.periodEndMs, now);
            s.nextRetryMs = 0;
            s.scheduledPlan.clear();
            s.scheduledCycle.clear();
            // Canceled tenants fall back to the free plan's limits.
            if (Status planned = TenantRepository::setPlanAndStatus(tx, tenant.slug, u"free"_s, std::nullopt, m_clock.now(), &updated); !planned)
                return planned;
            if (wasDegraded) {
                if (Status bumped = bumpQuotasRevision(tx); !bumped)
                    return bumped;
            }
        }
        s.updatedMs = now;
        if (Status saved = SubscriptionRepository::save(tx, s); !saved)
            return saved;
        auto e = record(tx, actor, tenant.id, now, atPeriodEnd ? u"cancel_scheduled"_s : u"canceled"_s, {});
        if (!e)
            return e.error();
        after = s;
        return m_audit.record(tx, actor, {tenant.id, u"subscription.cancel"_s, u"tenant:"_s + tenant.slug,
                                          subscriptionToJson(before), subscriptionToJson(s)});
    });
    if (!done)
        return done.error();
    if (!updated.id.isEmpty())
        m_directory.upsert(updated);
    return after;
}

Result<Billing::Subscription> SubscriptionService::setPaymentCustomer(const Actor &actor, const Tenant &tenant,
                                                                      const QString &customer)
{
    if (customer.size() > 255 || customer.contains(u'\n'))
        return Error::invalid(u"invalid-payment-customer"_s, u"A payment customer id is at most 255 characters on one line."_s,
                              {{u"/payment_customer"_s, u"too long or not one line"_s}});
    Billing::Subscription after;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto found = existing(tx, tenant);
        if (!found)
            return found.error();
        after = *found;
        const Billing::Subscription before = after;
        after.paymentCustomer = customer;
        // updatedMs is the subscription's billing state; a payment method does not make a
        // pending preview stale.
        if (Status saved = SubscriptionRepository::save(tx, after); !saved)
            return saved;
        return m_audit.record(tx, actor, {tenant.id, u"subscription.payment_customer"_s, u"tenant:"_s + tenant.slug,
                                          subscriptionToJson(before), subscriptionToJson(after)});
    });
    if (!done)
        return done.error();
    return after;
}

} // namespace Tenantry::Storage
