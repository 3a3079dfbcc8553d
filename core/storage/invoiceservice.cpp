#include "core/storage/invoiceservice.h"

#include "core/billing/chargemodel.h"
#include "core/billing/dunning.h"
#include "core/billing/invoicejson.h"
#include "core/billing/jsonreading.h"
#include "core/billing/planpricing.h"
#include "core/storage/catalogquotaservice.h"
#include "core/storage/invoiceissuer.h"
#include "core/storage/pendinglinerepository.h"
#include "core/storage/planpricingstore.h"
#include "core/storage/subscriptionrepository.h"
#include "core/storage/tenantrepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUuid>

#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBilling, "tenantry.billing")

namespace Tenantry::Storage {
namespace {

constexpr qint64 kDayMs = 86'400'000;
constexpr int kBatch = 200;

using Billing::InvoiceStatus;
using Billing::SubscriptionStatus;

Billing::BillingCycle cycleOf(const QString &name)
{
    Billing::BillingCycle cycle = Billing::BillingCycle::Monthly;
    Billing::parseBillingCycle(name, &cycle);
    return cycle;
}

// What the period used of a priced dimension, in its base units.
qint64 usedOf(const Billing::PeriodUsage &usage, const QString &dimension)
{
    if (dimension == u"api_calls"_s)
        return usage.apiCalls;
    if (dimension == u"bandwidth"_s)
        return usage.bandwidthBytes;
    if (dimension == u"storage"_s)
        return usage.storageByteHours;
    return usage.events.value(dimension);
}

QString dimensionLabel(const QString &dimension)
{
    if (dimension == u"api_calls"_s)
        return u"API calls"_s;
    if (dimension == u"bandwidth"_s)
        return u"Bandwidth"_s;
    if (dimension == u"storage"_s)
        return u"Storage"_s;
    return dimension;
}

// The usage lines of a period: one per priced dimension used beyond what the plan includes,
// with the rows of its charge model as details.
Result<QList<Billing::InvoiceLine>> usageLines(const Billing::PlanPricing &pricing, const Billing::PeriodUsage &usage,
                                               const Billing::BillingPeriod &period)
{
    QList<Billing::InvoiceLine> lines;
    for (const Billing::MeteredPrice &price : pricing.metered) {
        const qint64 units = Billing::billableUnits(price, usedOf(usage, price.dimension));
        if (units <= 0)
            continue;
        auto charge = Billing::computeCharge(price.model, units, pricing.currency);
        if (!charge)
            return charge.error();
        Billing::InvoiceLine line;
        line.kind = u"overage"_s;
        line.dimension = price.dimension;
        line.description = u"%1 beyond the plan"_s.arg(dimensionLabel(price.dimension));
        line.quantity = units;
        line.unitLabel = price.unitLabel;
        line.unitPrice = Billing::Money(0, pricing.currency);
        line.amount = charge->amount;
        line.periodStartMs = period.startMs;
        line.periodEndMs = period.endMs;
        for (const Billing::ChargeRow &row : charge->rows)
            line.details.append({row.description, row.quantity, row.unitPrice, row.amount});
        if (charge->rows.size() == 1)
            line.unitPrice = charge->rows.first().unitPrice;
        lines.append(line);
    }
    return lines;
}

Result<qint64> event(QSqlDatabase &tx, const Actor &actor, const QString &tenantId, qint64 atMs, const QString &kind,
                     const QJsonObject &detail)
{
    return SubscriptionRepository::appendEvent(tx, {0, tenantId, atMs, kind, actor.id, detail});
}

Billing::DunningState dunningState(const Billing::Subscription &s, const Billing::DunningSchedule &schedule)
{
    Billing::DunningState state;
    state.status = s.status;
    state.firstFailureMs = s.pastDueSinceMs;
    state.retriesDone = s.dunningAttempt;
    // A degraded subscription's next step (suspension) is stored; its degradation time follows.
    if (s.status == SubscriptionStatus::Degraded)
        state.degradedAtMs = s.nextRetryMs - schedule.suspendAfterDays * kDayMs;
    return state;
}

// The tenant's oldest invoice that is still to be paid.
Result<std::optional<StoredInvoice>> oldestUnpaid(QSqlDatabase &db, const QString &tenantId)
{
    auto open = InvoiceRepository::list(db, {tenantId, u"open"_s, 1000});
    if (!open)
        return open.error();
    std::optional<StoredInvoice> oldest;
    for (const StoredInvoice &row : open.value()) {
        if (row.kind != u"invoice"_s || row.totalMinor <= 0)
            continue;
        if (!oldest || row.issuedMs < oldest->issuedMs)
            oldest = row;
    }
    return oldest;
}

QString failureText(const Error &error)
{
    return error.code + u": "_s + error.message;
}

} // namespace

QJsonObject invoiceSummaryToJson(const StoredInvoice &row, const DirectorySnapshot &snapshot)
{
    auto known = Billing::currencyOf(row.currency);
    const Billing::Currency currency = known ? known.value() : Billing::Currency{row.currency, 2};
    const auto money = [&currency](qint64 minor) { return Billing::Money(minor, currency).decimal(); };
    const auto time = Billing::billingTimeJson;
    QJsonObject o{{u"id"_s, row.id},
                  {u"number"_s, row.number.isEmpty() ? QJsonValue() : QJsonValue(row.number)},
                  {u"tenant_id"_s, row.tenantId},
                  {u"kind"_s, row.kind},
                  {u"status"_s, row.status},
                  {u"currency"_s, row.currency},
                  {u"total"_s, money(row.totalMinor)},
                  {u"amount_paid"_s, money(row.amountPaidMinor)},
                  {u"amount_due"_s, money(row.kind == u"invoice"_s && (row.status == u"open"_s || row.status == u"uncollectible"_s)
                                              ? row.totalMinor - row.amountPaidMinor
                                              : 0)},
                  {u"period"_s, QJsonObject{{u"start"_s, time(row.periodStartMs)}, {u"end"_s, time(row.periodEndMs)}}},
                  {u"issued_at"_s, time(row.issuedMs)},
                  {u"due_at"_s, time(row.dueMs)},
                  {u"paid_at"_s, time(row.paidMs)}};
    if (!row.corrects.isEmpty())
        o.insert(u"corrects"_s, row.corrects);
    if (auto tenant = snapshot.findId(row.tenantId))
        o.insert(u"tenant"_s, tenant->slug);
    return o;
}

Result<Billing::Invoice> invoiceSummaryFromJson(const QJsonObject &json)
{
    using namespace Billing;
    QList<FieldError> errors;
    Invoice inv;
    auto currency = currencyOf(json.value(u"currency"_s).toString());
    if (!currency) {
        errors.append({u"/currency"_s, u"an ISO 4217 code"_s});
        return documentError(u"invalid-invoice-summary"_s, u"invoice summary"_s, errors);
    }
    inv.currency = currency.value();
    inv.subtotal = inv.tax = inv.total = inv.amountPaid = Money(0, inv.currency);
    if (readString(json.value(u"id"_s), u"/id"_s, errors, &inv.id) && inv.id.isEmpty())
        errors.append({u"/id"_s, u"an invoice id"_s});
    readString(json.value(u"number"_s), u"/number"_s, errors, &inv.number, true);
    QString kind;
    if (readString(json.value(u"kind"_s), u"/kind"_s, errors, &kind) && !parseInvoiceKind(kind, &inv.kind))
        errors.append({u"/kind"_s, u"invoice or credit_note"_s});
    readString(json.value(u"corrects"_s), u"/corrects"_s, errors, &inv.correctsId, true);
    readString(json.value(u"tenant_id"_s), u"/tenant_id"_s, errors, &inv.tenantId);
    readString(json.value(u"tenant"_s), u"/tenant"_s, errors, &inv.tenantSlug, true);
    QString status;
    if (readString(json.value(u"status"_s), u"/status"_s, errors, &status) && !parseInvoiceStatus(status, &inv.status))
        errors.append({u"/status"_s, u"draft, open, paid, void or uncollectible"_s});
    readMoney(json.value(u"total"_s), inv.currency, u"/total"_s, errors, &inv.total);
    readMoney(json.value(u"amount_paid"_s), inv.currency, u"/amount_paid"_s, errors, &inv.amountPaid);
    BillingPeriod period;
    readPeriod(json.value(u"period"_s), u"/period"_s, errors, &period);
    inv.periodStartMs = period.startMs;
    inv.periodEndMs = period.endMs;
    readTime(json.value(u"issued_at"_s), u"/issued_at"_s, errors, &inv.issuedMs);
    readTime(json.value(u"due_at"_s), u"/due_at"_s, errors, &inv.dueMs);
    readTime(json.value(u"paid_at"_s), u"/paid_at"_s, errors, &inv.paidMs);
    if (!errors.isEmpty())
        return documentError(u"invalid-invoice-summary"_s, u"invoice summary"_s, errors);
    return inv;
}

QJsonObject billingRunReportToJson(const BillingRunReport &r)
{
    QJsonObject o{{u"renewed"_s, r.renewed},
            {u"invoiced"_s, r.invoiced},
            {u"payments_succeeded"_s, r.paymentsSucceeded},
            {u"payments_failed"_s, r.paymentsFailed},
            {u"past_due"_s, r.pastDue},
            {u"degraded"_s, r.degraded},
            {u"suspended"_s, r.suspended},
            {u"problems"_s, QJsonArray::fromStringList(r.problems)}};
    if (r.stopped)
        o.insert(u"stopped"_s, true);
    return o;
}

Result<BillingRunReport> billingRunReportFromJson(const QJsonObject &json)
{
    QList<FieldError> errors;
    BillingRunReport r;
    const auto count = [&](const QString &key, int *out) {
        qint64 n = 0;
        if (Billing::readWhole(json.value(key), 0, std::numeric_limits<int>::max(), u"/"_s + key, errors, &n))
            *out = int(n);
    };
    count(u"renewed"_s, &r.renewed);
    count(u"invoiced"_s, &r.invoiced);
    count(u"payments_succeeded"_s, &r.paymentsSucceeded);
    count(u"payments_failed"_s, &r.paymentsFailed);
    count(u"past_due"_s, &r.pastDue);
    count(u"degraded"_s, &r.degraded);
    count(u"suspended"_s, &r.suspended);
    const QJsonValue problems = json.value(u"problems"_s);
    if (!problems.isArray())
        errors.append({u"/problems"_s, u"an array of strings"_s});
    const QJsonArray list = problems.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QString problem;
        if (Billing::readString(list.at(i), u"/problems/%1"_s.arg(i), errors, &problem))
            r.problems.append(problem);
    }
    // Written only when true.
    if (json.contains(u"stopped"_s))
        Billing::readBool(json.value(u"stopped"_s), u"/stopped"_s, errors, &r.stopped);
    if (!errors.isEmpty())
        return Billing::documentError(u"invalid-billing-run-report"_s, u"billing run report"_s, errors);
    return r;
}

QJsonObject paymentAttemptToJson(const PaymentAttempt &a)
{
    return {{u"id"_s, a.id},
            {u"invoice_id"_s, a.invoiceId},
            {u"gateway"_s, a.gateway},
            {u"idempotency_key"_s, a.idempotencyKey},
            {u"amount_minor"_s, a.amountMinor},
            {u"currency"_s, a.currency},
            {u"status"_s, a.status},
            {u"reference"_s, a.gatewayReference.isEmpty() ? QJsonValue() : QJsonValue(a.gatewayReference)},
            {u"failure_code"_s, a.failureCode.isEmpty() ? QJsonValue() : QJsonValue(a.failureCode)},
            {u"failure_message"_s, a.failureMessage.isEmpty() ? QJsonValue() : QJsonValue(a.failureMessage)},
            {u"attempted_at"_s, Billing::billingTimeJson(a.attemptedMs)}};
}

InvoiceService::InvoiceService(Catalog &catalog, AuditRecorder &audit, TenantDirectory &directory,
                               BillingSettingsStore &settings, MeterRepository &meter, Billing::PaymentGateway &gateway,
                               const Clock &clock)
    : m_catalog(catalog)
    , m_audit(audit)
    , m_directory(directory)
    , m_settings(settings)
    , m_meter(meter)
    , m_gateway(gateway)
    , m_clock(clock)
{
}

Result<BillingRunReport> InvoiceService::runDue(const BillingRunControl &control)
{
    QMutexLocker lock(&m_run);
    BillingRunReport report;
    const auto stage = [&](const QString &name) {
        if (control.stop && control.stop()) {
            report.stopped = true;
            return false;
        }
        if (control.progress)
            control.progress(name, report.renewed);
        return true;
    };
    if (!stage(u"renewing"_s))
        return report;
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // A subscription several periods behind (a server that was down) is renewed period by
    // period, each with its own invoice; the loop ends when none is due any more.
    QSet<QString> failed;
    for (;;) {
        auto db = m_catalog.connection();
        if (!db)
            return db.error();
        auto due = SubscriptionRepository::periodEnded(db.value(), now, kBatch);
        if (!due)
            return due.error();
        int progressed = 0;
        for (const Billing::Subscription &s : due.value()) {
            if (failed.contains(s.tenantId))
                continue;
            if (!stage(u"renewing"_s))
                return report;
            if (Status renewed = renew(s, report); !renewed) {
                failed.insert(s.tenantId);
                report.problems.append(s.tenantId + u": "_s + failureText(renewed.error()));
                qCWarning(lcBilling) << "renewal failed" << s.tenantId << renewed.error().code;
            } else {
                ++progressed;
            }
        }
        if (progressed == 0)
            break;
    }
    if (!stage(u"collecting"_s))
        return report;
    if (Status s = collectNew(report); !s)
        return s.error();
    if (!stage(u"overdue"_s))
        return report;
    if (Status s = markOverdue(report); !s)
        return s.error();
    if (!stage(u"dunning"_s))
        return report;
    if (Status s = runDunning(report); !s)
        return s.error();
    return report;
}

Status InvoiceService::renew(const Billing::Subscription &due, BillingRunReport &report)
{
    const auto tenant = m_directory.snapshot()->findId(due.tenantId);
    if (!tenant)
        return Error::notFound(u"tenant-not-found"_s, u"The subscription's tenant is gone."_s);
    auto settings = m_settings.settings();
    if (!settings)
        return settings.error();
    const Billing::BillingPeriod ended{due.periodStartMs, due.periodEndMs};
    Billing::PeriodUsage usage;
    if (due.status != SubscriptionStatus::Trialing) {
        auto measured = m_meter.usage(due.tenantId, ended.startMs, ended.endMs);
        if (!measured)
            return measured.error();
        usage = measured.value();
    }
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const Actor system = Actor::system();
    Tenant updated;
    QString invoiceNumber;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto found = SubscriptionRepository::find(tx, due.tenantId);
        if (!found)
            return found.error();
        // Another server renewed it meanwhile.
        if (!found->has_value() || (*found)->periodEndMs != due.periodEndMs
            || (*found)->status == SubscriptionStatus::Canceled)
            return {};
        Billing::Subscription s = **found;
        const Billing::Subscription before = s;
        auto plan = PlanPricingStore::find(tx, s.plan);
        if (!plan)
            return plan.error();
        QList<Billing::InvoiceLine> lines;
        std::optional<Billing::Currency> currency;
        if (plan->pricing) {
            currency = plan->pricing->currency;
            if (s.status != SubscriptionStatus::Trialing) {
                auto used = usageLines(*plan->pricing, usage, ended);
                if (!used)
                    return used.error();
                lines += used.value();
            }
        }
        QJsonObject detail{{u"ended"_s, QJsonObject{{u"start"_s, Billing::billingTimeJson(ended.startMs)}, {u"end"_s, Billing::billingTimeJson(ended.endMs)}}}};
        Billing::BillingPeriod next{ended.endMs, ended.endMs};
        if (s.cancelAtPeriodEnd) {
            s.status = SubscriptionStatus::Canceled;
            detail.insert(u"canceled"_s, true);
        } else {
            if (!s.scheduledPlan.isEmpty()) {
                detail.insert(u"plan_changed"_s, QJsonObject{{u"from"_s, s.plan}, {u"to"_s, s.scheduledPlan}});
                const bool newCycle = !s.scheduledCycle.isEmpty() && s.scheduledCycle != s.cycle;
                s.plan = s.scheduledPlan;
                if (newCycle) {
                    s.cycle = s.scheduledCycle;
                    s.anchorMs = ended.endMs;
                }
                s.scheduledPlan.clear();
                s.scheduledCycle.clear();
            }
            if (s.status == SubscriptionStatus::Trialing) {
                s.status = SubscriptionStatus::Active;
                detail.insert(u"trial_ended"_s, true);
            }
            next = Billing::billingPeriodContaining(s.anchorMs, cycleOf(s.cycle), ended.endMs);
            s.periodStartMs = next.startMs;
            s.periodEndMs = next.endMs;
            auto nextPlan = PlanPricingStore::find(tx, s.plan);
            if (!nextPlan)
                return nextPlan.error();
            if (nextPlan->pricing) {
                auto fee = Billing::cycleFee(*nextPlan->pricing, s.cycle);
                if (!fee)
                    return fee.error();
                if (currency && !(*currency == fee->currency()))
                    return Error::invalid(u"currency-mismatch"_s, u"The scheduled plan is priced in another currency."_s);
                currency = fee->currency();
                if (!fee->isZero()) {
                    lines.append(Billing::fixedLine(u"plan_fee"_s,
                                                    u"%1 plan (%2)"_s.arg(nextPlan->displayName, s.cycle),
                                                    fee.value(), next.startMs, next.endMs));
                }
            }
        }
        auto pending = PendingLineRepository::waiting(tx, s.tenantId);
        if (!pending)
            return pending.error();
        QList<qint64> taken;
        for (const PendingLine &p : pending.value()) {
            if (currency && !(*currency == p.line.amount.currency()))
                continue; // a line in another currency waits for an invoice in its own
            currency = p.line.amount.currency();
            lines.append(p.line);
            taken.append(p.id);
        }
        const bool anything = std::any_of(lines.cbegin(), lines.cend(), [](const auto &l) { return !l.amount.isZero(); });
        if (anything && currency) {
            Billing::Money sum(0, *currency);
            for (const Billing::InvoiceLine &l : lines) {
                auto added = sum.plus(l.amount);
                if (!added)
                    return added.error();
                sum = added.value();
            }
            QList<Billing::InvoiceLine> carried;
            if (sum.isNegative()) {
                // More credit than charges: the rest is carried to the next invoice rather
                // than issuing an invoice with a negative total.
                lines.append(Billing::fixedLine(u"credit"_s, u"Credit carried to the next invoice"_s, sum.negated(),
                                                next.startMs, next.endMs));
                carried.append(Billing::fixedLine(u"credit"_s, u"Credit brought forward"_s, sum, next.startMs, next.endMs));
            }
            auto invoice = InvoiceIssuer::issue(tx, settings.value(), *tenant, *currency, lines, next, now);
            if (!invoice)
                return invoice.error();
            if (Status t = PendingLineRepository::take(tx, taken, invoice->id); !t)
                return t;
            for (const Billing::InvoiceLine &l : carried) {
                if (auto added = PendingLineRepository::add(tx, s.tenantId, l, now); !added)
                    return added.error();
            }
            invoiceNumber = invoice->number;
            detail.insert(u"invoice"_s, invoice->number);
            detail.insert(u"total"_s, invoice->total.decimal());
        }
        if (s.status == SubscriptionStatus::Canceled) {
            s.nextRetryMs = 0;
            if (Status p = TenantRepository::setPlanAndStatus(tx, tenant->slug, u"free"_s, std::nullopt, m_clock.now(), &updated); !p)
                return p;
            if (Billing::isDegraded(before.status)) {
                if (Status b = bumpQuotasRevision(tx); !b)
                    return b;
            }
        } else if (s.plan != before.plan) {
            if (Status p = TenantRepository::setPlanAndStatus(tx, tenant->slug, s.plan, std::nullopt, m_clock.now(), &updated); !p)
                return p;
        }
        s.updatedMs = now - now % 1000;
        if (Status saved = SubscriptionRepository::save(tx, s); !saved)
            return saved;
        if (auto e = event(tx, system, s.tenantId, now, s.status == SubscriptionStatus::Canceled ? u"canceled"_s : u"renewed"_s,
                           detail);
            !e)
            return e.error();
        return m_audit.record(tx, system, {s.tenantId, u"subscription.renew"_s, u"tenant:"_s + tenant->slug,
                                           QJsonValue(), detail});
    });
    if (!done)
        return done;
    if (!updated.id.isEmpty())
        m_directory.upsert(updated);
    ++report.renewed;
    if (!invoiceNumber.isEmpty())
        ++report.invoiced;
    return {};
}

Status InvoiceService::collectNew(BillingRunReport &report)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto open = InvoiceRepository::allOpen(db.value());
    if (!open)
        return open.error();
    for (const StoredInvoice &row : open.value()) {
        if (row.kind != u"invoice"_s || row.totalMinor <= 0)
            continue;
        auto attempts = PaymentRepository::forInvoice(db.value(), row.id);
        if (!attempts)
            return attempts.error();
        if (!attempts->isEmpty())
            continue; // collected before; dunning decides about retries
        auto invoice = InvoiceIssuer::fromStored(row);
        if (!invoice)
            return invoice.error();
        auto charged = attempt(Actor::system(), invoice.value(), row.id + u"-1"_s, false, &report);
        if (!charged)
            report.problems.append(row.number + u": "_s + failureText(charged.error()));
    }
    return {};
}

Status InvoiceService::markOverdue(BillingRunReport &report)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto open = InvoiceRepository::allOpen(db.value());
    if (!open)
        return open.error();
    for (const StoredInvoice &row : open.value()) {
        if (row.kind != u"invoice"_s || row.totalMinor <= 0 || row.dueMs > now)
            continue;
        const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
            auto found = SubscriptionRepository::find(tx, row.tenantId);
            if (!found)
                return found.error();
            if (!found->has_value())
                return {};
            Billing::Subscription s = **found;
            if (s.status != SubscriptionStatus::Active && s.status != SubscriptionStatus::Trialing)
                return {};
            auto settings = m_settings.settings();
            if (!settings)
                return settings.error();
            s.status = SubscriptionStatus::PastDue;
            s.pastDueSinceMs = now;
            s.dunningAttempt = 0;
            s.nextRetryMs = Billing::nextDunningStep(settings->dunning, dunningState(s, settings->dunning)).dueAtMs;
            if (Status saved = SubscriptionRepository::save(tx, s); !saved)
                return saved;
            ++report.pastDue;
            auto e = event(tx, Actor::system(), s.tenantId, now, u"status_changed"_s,
                           {{u"to"_s, u"past_due"_s}, {u"reason"_s, u"invoice_overdue"_s}, {u"invoice"_s, row.number}});
            return e ? Status() : Status(e.error());
        });
        if (!done)
            return done;
    }
    return {};
}

Status InvoiceService::runDunning(BillingRunReport &report)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    auto settings = m_settings.settings();
    if (!settings)
        return settings.error();
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto due = SubscriptionRepository::dunningDue(db.value(), now, kBatch);
    if (!due)
        return due.error();
    for (const Billing::Subscription &s : due.value()) {
        const auto step = Billing::nextDunningStep(settings->dunning, dunningState(s, settings->dunning));
        auto unpaid = oldestUnpaid(db.value(), s.tenantId);
        if (!unpaid)
            return unpaid.error();
        if (!unpaid->has_value()) {
            // Nothing is owed any more (paid, voided or written off meanwhile).
            Tenant activated;
            const Status restored = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
                return settle(tx, Actor::system(), s.tenantId, now, u"nothing_owed"_s, &activated);
            });
            if (!restored)
                return restored;
            if (!activated.id.isEmpty())
                m_directory.upsert(activated);
            continue;
        }
        if (step.kind == Billing::DunningStep::Kind::Retry) {
            auto invoice = InvoiceIssuer::fromStored(**unpaid);
            if (!invoice)
                return invoice.error();
            const QString key = (*unpaid)->id + u"-retry-"_s + QString::number(step.retry);
            auto charged = attempt(Actor::system(), invoice.value(), key, true, &report);
            if (!charged)
                report.problems.append((*unpaid)->number + u": "_s + failureText(charged.error()));
            continue;
        }
        if (step.kind != Billing::DunningStep::Kind::Degrade && step.kind != Billing::DunningStep::Kind::Suspend)
            continue;
        Tenant updated;
        const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
            auto found = SubscriptionRepository::find(tx, s.tenantId);
            if (!found)
                return found.error();
            if (!found->has_value() || (*found)->status != s.status || (*found)->nextRetryMs != s.nextRetryMs)
                return {}; // moved on meanwhile
            Billing::Subscription next = **found;
            QJsonObject detail{{u"invoice"_s, (*unpaid)->number}};
            if (step.kind == Billing::DunningStep::Kind::Degrade) {
                next.status = SubscriptionStatus::Degraded;
                next.nextRetryMs = now + settings->dunning.suspendAfterDays * kDayMs;
                detail.insert(u"to"_s, u"degraded"_s);
                ++report.degraded;
            } else {
                next.status = SubscriptionStatus::Suspended;
                next.nextRetryMs = 0;
                detail.insert(u"to"_s, u"suspended"_s);
                const auto tenant = m_directory.snapshot()->findId(s.tenantId);
                if (tenant && tenant->status == TenantStatus::Active) {
                    if (Status t = TenantRepository::setPlanAndStatus(tx, tenant->slug, QString(), TenantStatus::Suspended,
                                                                      m_clock.now(), &updated);
                        !t)
                        return t;
                    detail.insert(u"tenant_suspended"_s, true);
                    if (Status a = m_audit.record(tx, Actor::system(), {s.tenantId, u"tenant.suspend"_s, u"tenant:"_s + tenant->slug,
                                                                        QJsonObject{{u"status"_s, u"active"_s}},
                                                                        QJsonObject{{u"status"_s, u"suspended"_s},
                                                                                    {u"reason"_s, u"unpaid invoice"_s}}});
                        !a)
                        return a;
                }
                ++report.suspended;
            }
            next.updatedMs = now - now % 1000;
            if (Status saved = SubscriptionRepository::save(tx, next); !saved)
                return saved;
            if (Status b = bumpQuotasRevision(tx); !b)
                return b;
            auto e = event(tx, Actor::system(), s.tenantId, now, u"status_changed"_s, detail);
            return e ? Status() : Status(e.error());
        });
        if (!done)
            return done;
        if (!updated.id.isEmpty())
            m_directory.upsert(updated);
    }
    return {};
}

// Brings a subscription behind on payments back to active once nothing is owed, and a
// tenant dunning suspended back to active (`activated` receives it, for the directory once
// the transaction commits). Inside the caller's transaction.
Status InvoiceService::settle(QSqlDatabase &tx, const Actor &actor, const QString &tenantId, qint64 nowMs,
                              const QString &why, Tenant *activated)
{
    auto found = SubscriptionRepository::find(tx, tenantId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return {};
    Billing::Subscription s = **found;
    if (s.status != SubscriptionStatus::PastDue && !Billing::isDegraded(s.status))
        return {};
    auto unpaid = oldestUnpaid(tx, tenantId);
    if (!unpaid)
        return unpaid.error();
    if (unpaid->has_value())
        return {}; // another invoice is still owed
    const SubscriptionStatus from = s.status;
    s.status = SubscriptionStatus::Active;
    s.dunningAttempt = 0;
    s.nextRetryMs = 0;
    s.pastDueSinceMs = 0;
    if (Status saved = SubscriptionRepository::save(tx, s); !saved)
        return saved;
    QJsonObject detail{{u"from"_s, Billing::subscriptionStatusName(from)}, {u"to"_s, u"active"_s}, {u"reason"_s, why}};
    if (Billing::isDegraded(from)) {
        if (Status b = bumpQuotasRevision(tx); !b)
            return b;
    }
    if (from == SubscriptionStatus::Suspended) {
        const auto tenant = m_directory.snapshot()->findId(tenantId);
        if (tenant && tenant->status == TenantStatus::Suspended) {
            if (Status t = TenantRepository::setPlanAndStatus(tx, tenant->slug, QString(), TenantStatus::Active,
                                                              m_clock.now(), activated);
                !t)
                return t;
            detail.insert(u"tenant_activated"_s, true);
            if (Status a = m_audit.record(tx, actor, {tenantId, u"tenant.activate"_s, u"tenant:"_s + tenant->slug,
                                                      QJsonObject{{u"status"_s, u"suspended"_s}},
                                                      QJsonObject{{u"status"_s, u"active"_s}, {u"reason"_s, u"invoice paid"_s}}});
                !a)
                return a;
        }
    }
    auto e = event(tx, actor, tenantId, nowMs, u"status_changed"_s, detail);
    return e ? Status() : Status(e.error());
}

Result<Billing::Invoice> InvoiceService::attempt(const Actor &actor, const Billing::Invoice &invoice, const QString &key,
                                                 bool dunningRetry, BillingRunReport *report)
{
    const qint64 startedMs = m_clock.now().toMSecsSinceEpoch();
    QString customer;
    {
        auto db = m_catalog.connection();
        if (!db)
            return db.error();
        auto s = SubscriptionRepository::find(db.value(), invoice.tenantId);
        if (!s)
            return s.error();
        if (s->has_value())
            customer = (*s)->paymentCustomer;
        // A key already used with a final outcome is not sent again: that outcome stands.
        auto earlier = PaymentRepository::findByKey(db.value(), key);
        if (!earlier)
            return earlier.error();
        if (earlier->has_value() && (*earlier)->status == u"succeeded"_s)
            return Error::conflict(u"invoice-not-payable"_s, u"This payment attempt already succeeded."_s);
    }
    PaymentAttempt a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.invoiceId = invoice.id;
    a.tenantId = invoice.tenantId;
    a.gateway = m_gateway.name();
    a.idempotencyKey = key;
    a.amountMinor = (invoice.total.minus(invoice.amountPaid)).value().minor();
    a.currency = invoice.currency.code;
    a.status = u"pending"_s;
    a.attemptedMs = startedMs;
    // Recorded before the gateway is called, so an attempt cut short (a crash, a timeout) is
    // retried with the same key and can never charge twice.
    const Status recorded = m_catalog.transaction([&](QSqlDatabase &tx) { return PaymentRepository::save(tx, a); });
    if (!recorded)
        return recorded.error();

    Billing::PaymentRequest request;
    request.invoiceId = invoice.id;
    request.tenantId = invoice.tenantId;
    request.amount = Billing::Money(a.amountMinor, invoice.currency);
    request.customerReference = customer;
    request.idempotencyKey = key;
    request.description = u"Invoice "_s + invoice.number;
    auto outcome = m_gateway.collect(request);

    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const bool succeeded = outcome && outcome->state == Billing::PaymentOutcome::State::Succeeded;
    const bool pending = outcome && outcome->state == Billing::PaymentOutcome::State::Pending;
    if (outcome) {
        a.status = Billing::paymentStateName(outcome->state);
        a.gatewayReference = outcome->reference;
        a.failureCode = outcome->failureCode;
        a.failureMessage = outcome->failureMessage;
    } else {
        a.status = u"failed"_s;
        a.failureCode = outcome.error().code;
        a.failureMessage = outcome.error().message;
    }
    Billing::Invoice result = invoice;
    Tenant activated;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        if (Status saved = PaymentRepository::save(tx, a); !saved)
            return saved;
        if (succeeded) {
            if (Status moved = InvoiceRepository::moveStatus(tx, invoice.id, Billing::invoiceStatusName(invoice.status),
                                                             u"paid"_s, invoice.total.minor(), now, now);
                !moved)
                return moved;
            result.status = InvoiceStatus::Paid;
            result.amountPaid = invoice.total;
            result.paidMs = now;
            if (auto e = event(tx, actor, invoice.tenantId, now, u"payment_succeeded"_s,
                               {{u"invoice"_s, invoice.number}, {u"amount"_s, invoice.total.decimal()},
                                {u"reference"_s, a.gatewayReference}});
                !e)
                return e.error();
            return settle(tx, actor, invoice.tenantId, now, u"invoice_paid"_s, &activated);
        }
        if (pending)
            return {}; // the manual gateway: an operator records the payment
        if (auto e = event(tx, actor, invoice.tenantId, now, u"payment_failed"_s,
                           {{u"invoice"_s, invoice.number}, {u"code"_s, a.failureCode}, {u"message"_s, a.failureMessage}});
            !e)
            return e.error();
        auto found = SubscriptionRepository::find(tx, invoice.tenantId);
        if (!found)
            return found.error();
        if (!found->has_value())
            return {};
        Billing::Subscription s = **found;
        auto settings = m_settings.settings();
        if (!settings)
            return settings.error();
        if (s.status == SubscriptionStatus::Active || s.status == SubscriptionStatus::Trialing) {
            s.status = SubscriptionStatus::PastDue;
            s.pastDueSinceMs = now;
            s.dunningAttempt = 0;
            if (report)
                ++report->pastDue;
        } else if (dunningRetry) {
            ++s.dunningAttempt;
        }
        if (s.status == SubscriptionStatus::PastDue)
            s.nextRetryMs = Billing::nextDunningStep(settings->dunning, dunningState(s, settings->dunning)).dueAtMs;
        return SubscriptionRepository::save(tx, s);
    });
    if (!done)
        return done.error();
    if (!activated.id.isEmpty())
        m_directory.upsert(activated);
    if (report)
        ++(succeeded ? report->paymentsSucceeded : report->paymentsFailed);
    if (!outcome)
        return outcome.error();
    return result;
}

Result<QList<StoredInvoice>> InvoiceService::list(const InvoiceFilter &filter)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return InvoiceRepository::list(db.value(), filter);
}

Result<Billing::Invoice> InvoiceService::invoice(const QString &idOrNumber)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return InvoiceIssuer::load(db.value(), idOrNumber);
}

Result<QList<PaymentAttempt>> InvoiceService::payments(const QString &idOrNumber)
{
    auto found = invoice(idOrNumber);
    if (!found)
        return found.error();
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return PaymentRepository::forInvoice(db.value(), found->id);
}

namespace {

Status checkPayable(const Billing::Invoice &invoice)
{
    if (invoice.kind != Billing::InvoiceKind::Invoice
        || (invoice.status != InvoiceStatus::Open && invoice.status != InvoiceStatus::Uncollectible))
        return Error::conflict(u"invoice-not-payable"_s, u"Invoice %1 is %2: only open or uncollectible invoices are paid."_s
                                                             .arg(invoice.number.isEmpty() ? invoice.id : invoice.number,
                                                                  Billing::invoiceStatusName(invoice.status)));
    return {};
}

} // namespace

Result<Billing::Invoice> InvoiceService::markPaid(const Actor &actor, const QString &idOrNumber, const QString &reference)
{
    if (reference.trimmed().isEmpty() || reference.size() > 200)
        return Error::invalid(u"invalid-payment"_s, u"Say how it was paid: a reference of 1 to 200 characters (bank transfer id, "
                                                    "cheque number)."_s,
                              {{u"/reference"_s, u"required, at most 200 characters"_s}});
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    Billing::Invoice result;
    Tenant activated;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto found = InvoiceIssuer::load(tx, idOrNumber);
        if (!found)
            return found.error();
        if (Status payable = checkPayable(found.value()); !payable)
            return payable;
        result = found.value();
        PaymentAttempt a;
        a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        a.invoiceId = result.id;
        a.tenantId = result.tenantId;
        a.gateway = u"manual"_s;
        a.idempotencyKey = result.id + u"-manual"_s;
        a.amountMinor = result.total.minor() - result.amountPaid.minor();
        a.currency = result.currency.code;
        a.status = u"succeeded"_s;
        a.gatewayReference = u"manual:"_s + reference.trimmed();
        a.attemptedMs = now;
        if (Status saved = PaymentRepository::save(tx, a); !saved)
            return saved;
        if (Status moved = InvoiceRepository::moveStatus(tx, result.id, Billing::invoiceStatusName(result.status), u"paid"_s,
                                                         result.total.minor(), now, now);
            !moved)
            return moved;
        const QJsonObject before = Billing::invoiceToJson(result);
        result.status = InvoiceStatus::Paid;
        result.amountPaid = result.total;
        result.paidMs = now;
        if (auto e = event(tx, actor, result.tenantId, now, u"payment_succeeded"_s,
                           {{u"invoice"_s, result.number}, {u"amount"_s, result.total.decimal()}, {u"reference"_s, a.gatewayReference}});
            !e)
            return e.error();
        if (Status a2 = m_audit.record(tx, actor, {result.tenantId, u"invoice.pay"_s, u"invoice:"_s + result.number,
                                                   QJsonObject{{u"status"_s, before.value(u"status"_s)}},
                                                   QJsonObject{{u"status"_s, u"paid"_s}, {u"reference"_s, a.gatewayReference}}});
            !a2)
            return a2;
        return settle(tx, actor, result.tenantId, now, u"invoice_paid"_s, &activated);
    });
    if (!done)
        return done.error();
    if (!activated.id.isEmpty())
        m_directory.upsert(activated);
    return result;
}

Result<Billing::Invoice> InvoiceService::collect(const Actor &actor, const QString &idOrNumber)
{
    auto found = invoice(idOrNumber);
    if (!found)
        return found.error();
    if (Status payable = checkPayable(found.value()); !payable)
        return payable.error();
    auto attempts = payments(found->id);
    if (!attempts)
        return attempts.error();
    // A new attempt, unless the last one never got an answer: that one is repeated with its key.
    QString key = found->id + u"-op-"_s + QString::number(attempts->size() + 1);
    if (!attempts->isEmpty() && attempts->last().status == u"failed"_s
        && attempts->last().failureCode == u"gateway-unavailable"_s)
        key = attempts->last().idempotencyKey;
    return attempt(actor, found.value(), key, false, nullptr);
}

Result<Billing::Invoice> InvoiceService::move(const Actor &actor, const QString &idOrNumber, InvoiceStatus to)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    Billing::Invoice result;
    Tenant activated;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto found = InvoiceIssuer::load(tx, idOrNumber);
        if (!found)
            return found.error();
        result = found.value();
        if (!Billing::invoiceMoveAllowed(result.status, to))
            return Error::conflict(u"invalid-invoice-move"_s, u"An invoice that is %1 cannot become %2."_s.arg(
                                                                  Billing::invoiceStatusName(result.status),
                                                                  Billing::invoiceStatusName(to)));
        const QString from = Billing::invoiceStatusName(result.status);
        if (Status moved = InvoiceRepository::moveStatus(tx, result.id, from, Billing::invoiceStatusName(to),
                                                         result.amountPaid.minor(), result.paidMs, now);
            !moved)
            return moved;
        result.status = to;
        const QString action = to == InvoiceStatus::Void ? u"invoice.void"_s : u"invoice.uncollectible"_s;
        if (auto e = event(tx, actor, result.tenantId, now, to == InvoiceStatus::Void ? u"invoice_voided"_s : u"invoice_uncollectible"_s,
                           {{u"invoice"_s, result.number}});
            !e)
            return e.error();
        if (Status a = m_audit.record(tx, actor, {result.tenantId, action, u"invoice:"_s + result.number,
                                                  QJsonObject{{u"status"_s, from}},
                                                  QJsonObject{{u"status"_s, Billing::invoiceStatusName(to)}}});
            !a)
            return a;
        // Written off or voided, it is no longer chased.
        return settle(tx, actor, result.tenantId, now,
                      to == InvoiceStatus::Void ? u"invoice_voided"_s : u"invoice_uncollectible"_s, &activated);
    });
    if (!done)
        return done.error();
    if (!activated.id.isEmpty())
        m_directory.upsert(activated);
    return result;
}

Result<Billing::Invoice> InvoiceService::voidInvoice(const Actor &actor, const QString &idOrNumber)
{
    return move(actor, idOrNumber, InvoiceStatus::Void);
}

Result<Billing::Invoice> InvoiceService::markUncollectible(const Actor &actor, const QString &idOrNumber)
{
    return move(actor, idOrNumber, InvoiceStatus::Uncollectible);
}

Result<Billing::Invoice> InvoiceService::creditNote(const Actor &actor, const QString &idOrNumber,
                                                    const QList<Billing::InvoiceLine> &lines, const QString &reason)
{
    auto settings = m_settings.settings();
    if (!settings)
        return settings.error();
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    Billing::Invoice note;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto original = InvoiceIssuer::load(tx, idOrNumber);
        if (!original)
            return original.error();
        auto all = InvoiceRepository::list(tx, {original->tenantId, QString(), 100000});
        if (!all)
            return all.error();
        Billing::Money credited(0, original->currency);
        for (const StoredInvoice &row : all.value()) {
            if (row.kind == u"credit_note"_s && row.corrects == original->id && row.status != u"void"_s) {
                auto sum = credited.plus(Billing::Money(row.totalMinor, original->currency));
                if (!sum)
                    return sum.error();
                credited = sum.value();
            }
        }
        auto made = Billing::makeCreditNote(original.value(), lines, credited, reason);
        if (!made)
            return made.error();
        made->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        made->periodStartMs = original->periodStartMs;
        made->periodEndMs = original->periodEndMs;
        auto issued = InvoiceIssuer::finalizeNew(tx, settings.value(), made.value(), now);
        if (!issued)
            return issued.error();
        note = issued.value();
        // The credit (before tax: the next invoice adds tax once) goes to the tenant's next invoice.
        if (auto added = PendingLineRepository::add(
                tx, note.tenantId,
                Billing::fixedLine(u"credit"_s, u"Credit note %1 (for %2)"_s.arg(note.number, original->number),
                                   note.subtotal.negated(), now, now),
                now);
            !added)
            return added.error();
        if (auto e = event(tx, actor, note.tenantId, now, u"credit_note_issued"_s,
                           {{u"invoice"_s, original->number}, {u"credit_note"_s, note.number}, {u"total"_s, note.total.decimal()}});
            !e)
            return e.error();
        return m_audit.record(tx, actor, {note.tenantId, u"invoice.credit_note"_s, u"invoice:"_s + original->number,
                                          QJsonValue(), Billing::invoiceToJson(note)});
    });
    if (!done)
        return done.error();
    return note;
}

} // namespace Tenantry::Storage
