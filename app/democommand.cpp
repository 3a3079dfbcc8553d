#include "app/democommand.h"

#include "app/clioutput.h"
#include "app/runtime.h"
#include "core/quota/quotagate.h"
#include "core/storage/invoicerepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

const char kHelp[] =
    "Usage: tenantry demo-data [--tenants N] [--seed S] [--keys-file FILE] [--data-dir DIR | --database URL]\n"
    "Fills an empty catalog with a demo fleet on the shipped plans: N tenants (default 48)\n"
    "registered over the last three months with their subscriptions, daily metered usage,\n"
    "invoices (most paid, a few overdue and in dunning), plan changes with proration, a few\n"
    "suspended or deleted tenants, quota overrides, today's quota counters and some anomaly\n"
    "alerts, all written through the same services as real work, so the audit trail tells the\n"
    "story. The same seed gives the same fleet. --keys-file writes each active tenant's API key\n"
    "as \"<slug> <key>\" lines. Refuses a catalog that already has tenants.\n";

constexpr int kHistoryDays = 92;

struct Company {
    const char *slug;
    const char *name;
    const char *timeZone;
    const char *locale;
};

// Made-up companies around the world, some with Chinese names (the console shows them as is).
const Company kCompanies[] = {
    {"acme", "Acme Corporation", "America/New_York", "en_US"},
    {"globex", "Globex Industries", "America/Chicago", "en_US"},
    {"initech", "Initech Software", "America/Los_Angeles", "en_US"},
    {"umbrella", "Umbrella Health", "Europe/London", "en_GB"},
    {"hooli", "Hooli Cloud", "America/Los_Angeles", "en_US"},
    {"yunfan", "杭州云帆科技", "Asia/Shanghai", "zh_CN"},
    {"vandelay", "Vandelay Imports", "America/New_York", "en_US"},
    {"nakatomi", "Nakatomi Trading", "Asia/Tokyo", "ja_JP"},
    {"lianxin", "深圳联信物流", "Asia/Shanghai", "zh_CN"},
    {"wonka", "Wonka Confectionery", "Europe/Zurich", "de_CH"},
    {"cyberdyne", "Cyberdyne Systems", "America/Denver", "en_US"},
    {"tyrell", "Tyrell Biotech", "Asia/Singapore", "en_SG"},
    {"aperture", "Aperture Labs", "America/Detroit", "en_US"},
    {"massive", "Massive Dynamic", "America/New_York", "en_US"},
    {"oscorp", "Oscorp Analytics", "America/New_York", "en_US"},
    {"piedpiper", "Pied Piper", "America/Los_Angeles", "en_US"},
    {"soylent", "Soylent Foods", "Europe/Amsterdam", "nl_NL"},
    {"stark", "Stark Logistics", "America/New_York", "en_US"},
    {"wayne", "Wayne Enterprises", "America/New_York", "en_US"},
    {"blackmesa", "Black Mesa Research", "America/Phoenix", "en_US"},
    {"monarch", "Monarch Solutions", "Europe/Paris", "fr_FR"},
    {"duff", "Duff Beverages", "America/Chicago", "en_US"},
    {"sterling", "Sterling Cooper", "America/New_York", "en_US"},
    {"dunder", "Dunder Mifflin Paper", "America/New_York", "en_US"},
    {"bluth", "Bluth Homes", "America/Los_Angeles", "en_US"},
    {"virtucon", "Virtucon Energy", "Europe/Berlin", "de_DE"},
    {"bluesun", "Blue Sun Retail", "Asia/Hong_Kong", "zh_HK"},
    {"hanshan", "寒山数据", "Asia/Shanghai", "zh_CN"},
    {"kepler", "Kepler Mobility", "Europe/Berlin", "de_DE"},
    {"northwind", "Northwind Traders", "Europe/London", "en_GB"},
    {"contoso", "Contoso Pharma", "Europe/Dublin", "en_IE"},
    {"fabrikam", "Fabrikam Textiles", "Europe/Madrid", "es_ES"},
    {"tailspin", "Tailspin Travel", "Australia/Sydney", "en_AU"},
    {"wingtip", "Wingtip Toys", "America/Toronto", "en_CA"},
    {"litware", "Litware Education", "America/Sao_Paulo", "pt_BR"},
    {"proseware", "Proseware Media", "Europe/Stockholm", "sv_SE"},
    {"adatum", "A. Datum Insurance", "America/New_York", "en_US"},
    {"lucerne", "Lucerne Publishing", "Europe/Zurich", "de_CH"},
    {"margie", "Margie's Travel", "Pacific/Auckland", "en_NZ"},
    {"alpine", "Alpine Ski House", "Europe/Vienna", "de_AT"},
    {"coho", "Coho Winery", "America/Los_Angeles", "en_US"},
    {"fourthcoffee", "Fourth Coffee", "America/Los_Angeles", "en_US"},
    {"jinghua", "京华医疗", "Asia/Shanghai", "zh_CN"},
    {"relecloud", "Relecloud Gaming", "Asia/Seoul", "ko_KR"},
    {"woodgrove", "Woodgrove Bank", "Europe/London", "en_GB"},
    {"trey", "Trey Research", "Asia/Kolkata", "en_IN"},
    {"baoshan", "宝山制造", "Asia/Shanghai", "zh_CN"},
    {"graphic", "Graphic Design Institute", "Africa/Johannesburg", "en_ZA"},
};

struct PlanSpec {
    const char *name;
    int weight;            // how common, out of 100
    qint64 dailyCalls;     // typical use per day, before the tenant's own factor
};

const PlanSpec kPlans[] = {{"free", 34, 400}, {"basic", 32, 9000}, {"pro", 24, 120000}, {"enterprise", 10, 2000000}};

struct DemoTenant {
    Tenant tenant;
    QString key;
    int createdDay = 0;
    double factor = 1;     // this tenant's use relative to its plan's typical
    bool paysLate = false; // never pays: ends in dunning
};

class DemoBuilder
{
public:
    DemoBuilder(Runtime &rt, ManualClock &clock, quint32 seed)
        : m_rt(rt)
        , m_clock(clock)
        , m_random(seed)
    {
    }

    Status build(int count)
    {
        planTenants(count);
        // Each day's business happens in the morning (UTC); today's only if it is over.
        const QDateTime end = m_clock.now().addDays(kHistoryDays);
        const QDateTime start(m_clock.now().date(), QTime(0, 0), Qt::UTC);
        for (int day = 0; day <= kHistoryDays; ++day) {
            const QDateTime at = start.addDays(day).addSecs(9 * 3600 + m_random.bounded(3600));
            if (at >= end)
                break;
            m_clock.set(at);
            if (Status s = registerDue(day); !s)
                return s;
            if (day == 60 || day == 75) {
                if (Status s = upgradeSome(day == 60 ? 3 : 2); !s)
                    return s;
            }
            if (Status s = meterDay(day); !s)
                return s;
            auto run = m_rt.billing().invoices().runDue();
            if (!run)
                return run.error();
            if (Status s = payInvoices(); !s)
                return s;
        }
        m_clock.set(end);
        if (Status s = finish(); !s)
            return s;
        return saveTodaysCounters();
    }

    const QList<DemoTenant> &tenants() const { return m_tenants; }

private:
    QString pickPlan()
    {
        int roll = int(m_random.bounded(100));
        for (const PlanSpec &p : kPlans) {
            if (roll < p.weight)
                return QString::fromLatin1(p.name);
            roll -= p.weight;
        }
        return u"free"_s;
    }

    void planTenants(int count)
    {
        const int companies = int(std::size(kCompanies));
        for (int i = 0; i < count; ++i) {
            const Company &c = kCompanies[i % companies];
            const int round = i / companies;
            DemoTenant t;
            t.tenant.slug = round == 0 ? QString::fromLatin1(c.slug) : u"%1-%2"_s.arg(QLatin1StringView(c.slug)).arg(round + 1);
            t.tenant.config.displayName = round == 0 ? QString::fromUtf8(c.name)
                                                     : u"%1 %2"_s.arg(QString::fromUtf8(c.name)).arg(round + 1);
            t.tenant.config.timeZone = QString::fromLatin1(c.timeZone);
            t.tenant.config.locale = QString::fromLatin1(c.locale);
            t.tenant.plan = pickPlan();
            // The first few are the long-standing customers the screenshots open on.
            t.createdDay = i < 6 ? int(m_random.bounded(5)) : int(m_random.bounded(kHistoryDays - 2));
            t.factor = 0.15 + m_random.generateDouble() * 0.8;
            t.paysLate = i % 11 == 7;
            m_tenants.append(t);
        }
    }

    Status registerDue(int day)
    {
        for (DemoTenant &t : m_tenants) {
            if (t.createdDay != day)
                continue;
            NewTenant request;
            request.slug = t.tenant.slug;
            request.plan = t.tenant.plan;
            request.config = t.tenant.config;
            auto created = m_rt.tenants().create(m_operator, request);
            if (!created)
                return created.error();
            t.tenant = created->tenant;
            t.key = created->firstKey.secret;
            Storage::SubscribeRequest subscribe;
            subscribe.plan = t.tenant.plan;
            subscribe.cycle = m_random.bounded(5) == 0 ? u"yearly"_s : u"monthly"_s;
            if (auto s = m_rt.billing().subscriptions().subscribe(m_operator, t.tenant, subscribe); !s)
                return s.error();
        }
        return {};
    }

    Status upgradeSome(int how)
    {
        static const QHash<QString, QString> next{{u"free"_s, u"basic"_s}, {u"basic"_s, u"pro"_s},
                                                  {u"pro"_s, u"enterprise"_s}};
        for (DemoTenant &t : m_tenants) {
            if (how == 0)
                break;
            if (t.tenant.id.isEmpty() || t.paysLate || !next.contains(t.tenant.plan) || m_random.bounded(3) != 0)
                continue;
            Storage::PlanChangeRequest change;
            change.plan = next.value(t.tenant.plan);
            if (!m_rt.billing().subscriptions().change(m_operator, t.tenant, change))
                continue; // e.g. still trialing on a plan that cannot change yet: another one
            if (auto updated = m_rt.tenants().get(t.tenant.slug))
                t.tenant = updated.value();
            --how;
        }
        return {};
    }

    qint64 dailyCalls(const DemoTenant &t) const
    {
        for (const PlanSpec &p : kPlans) {
            if (t.tenant.plan == QLatin1StringView(p.name))
                return qint64(double(p.dailyCalls) * t.factor);
        }
        return 100;
    }

    Status meterDay(int day)
    {
        QList<Billing::MeterEvent> events;
        const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
        for (const DemoTenant &t : m_tenants) {
            if (t.tenant.id.isEmpty())
                continue;
            // Weekdays busier than weekends, with some noise.
            const int weekday = m_clock.now().date().dayOfWeek();
            const double season = (weekday >= 6 ? 0.55 : 1.0) * (0.85 + m_random.generateDouble() * 0.3);
            const qint64 calls = std::max<qint64>(1, qint64(double(dailyCalls(t)) * season));
            events.append({u"demo-%1-%2"_s.arg(t.tenant.slug).arg(day), t.tenant.id, u"api_calls"_s, calls, nowMs});
        }
        if (events.isEmpty())
            return {};
        auto ingested = m_rt.billing().meter().ingest(events, nowMs);
        return ingested ? Status() : Status(ingested.error());
    }

    Status payInvoices()
    {
        Storage::InvoiceFilter open;
        open.status = u"open"_s;
        open.limit = 1000;
        auto invoices = m_rt.billing().invoices().list(open);
        if (!invoices)
            return invoices.error();
        const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
        for (const Storage::StoredInvoice &inv : invoices.value()) {
            const auto t = std::find_if(m_tenants.cbegin(), m_tenants.cend(),
                                        [&](const DemoTenant &d) { return d.tenant.id == inv.tenantId; });
            if (t == m_tenants.cend() || t->paysLate)
                continue;
            // Customers pay by wire transfer a few days after the invoice arrives.
            if (nowMs - inv.issuedMs < qint64(2 + m_random.bounded(6)) * 86'400'000)
                continue;
            auto paid = m_rt.billing().invoices().markPaid(m_operator, inv.id,
                                                           u"wire-%1"_s.arg(m_random.bounded(100000, 999999)));
            if (!paid)
                return paid.error();
        }
        return {};
    }

    Status finish()
    {
        // A few tenants in other states: suspended by an operator, deleted, not yet activated.
        int suspended = 0;
        for (DemoTenant &t : m_tenants) {
            if (t.tenant.id.isEmpty() || t.paysLate)
                continue;
            if (t.tenant.slug.endsWith(u'y') && suspended < 2) {
                if (auto s = m_rt.tenants().apply(m_operator, t.tenant.slug, LifecycleAction::Suspend); s) {
                    t.tenant = s.value();
                    ++suspended;
                }
            }
        }
        if (m_tenants.size() > 20) {
            DemoTenant &gone = m_tenants[m_tenants.size() - 3];
            if (!gone.tenant.id.isEmpty()) {
                if (auto d = m_rt.tenants().apply(m_operator, gone.tenant.slug, LifecycleAction::Delete); d)
                    gone.tenant = d.value();
            }
        }
        NewTenant pending;
        pending.slug = u"meridian"_s;
        pending.plan = u"pro"_s;
        pending.config.displayName = u"Meridian Airlines"_s;
        pending.config.timeZone = u"Europe/Lisbon"_s;
        pending.activate = false;
        if (auto created = m_rt.tenants().create(m_operator, pending); created)
            m_tenants.append({created->tenant, {}, kHistoryDays, 0.5, false});

        // Overrides negotiated by a few customers.
        int overridden = 0;
        for (const DemoTenant &t : m_tenants) {
            if (t.tenant.status != TenantStatus::Active || overridden >= 3 || t.tenant.plan == "free"_L1)
                continue;
            const QJsonObject writes{{u"name"_s, u"record-writes"_s}, {u"metric"_s, u"requests"_s},
                                     {u"method"_s, u"POST"_s}, {u"route"_s, u"/api/v1/entities/*/records"_s},
                                     {u"window"_s, u"hour"_s}, {u"limit"_s, 5000}};
            const QJsonObject overrides = overridden == 0
                ? QJsonObject{{u"api_calls_per_day"_s, 2000000}, {u"max_concurrent"_s, 80},
                              {u"rules"_s, QJsonArray{writes}}}
                : overridden == 1 ? QJsonObject{{u"storage_bytes"_s, 107374182400.0}}
                                  : QJsonObject{{u"rate_per_second"_s, 100}, {u"burst"_s, 1000}};
            if (auto s = m_rt.quotas().setOverrides(m_operator, t.tenant, overrides); !s)
                return s.error();
            ++overridden;
        }

        // What the anomaly detector and the authentication check recorded recently.
        const DemoTenant *busy = nullptr;
        for (const DemoTenant &t : m_tenants) {
            if (t.tenant.status == TenantStatus::Active && (!busy || t.factor > busy->factor))
                busy = &t;
        }
        if (busy) {
            AuditEvent anomaly{busy->tenant.id, u"anomaly.detected"_s, u"tenant:"_s + busy->tenant.slug,
                                        QJsonValue::Null,
                                        QJsonObject{{u"signal"_s, u"request_rate"_s}, {u"value"_s, 480},
                                                    {u"expected"_s, 35}, {u"score"_s, 18.4},
                                                    {u"interval_seconds"_s, 60}}};
            if (Status s = m_rt.audit().recordNow(Actor::system(), anomaly); !s)
                return s;
            AuditEvent failure{busy->tenant.id, u"auth.failure"_s, u"GET /api/v1/me"_s, QJsonValue::Null,
                                        QJsonObject{{u"reason"_s, u"invalid-api-key"_s}}};
            if (Status s = m_rt.audit().recordNow({u"unauthenticated"_s, u"req-7f3a"_s, u"203.0.113.7"_s}, failure); !s)
                return s;
        }
        return {};
    }

    // Today's and this month's counts, as a server flushing its counters would have saved
    // them: most tenants well inside their limits, a few close to them.
    Status saveTodaysCounters()
    {
        const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
        QList<Quota::CounterRow> rows;
        int active = 0;
        for (const DemoTenant &t : m_tenants) {
            if (t.tenant.status != TenantStatus::Active)
                continue;
            const Quota::Limits *limits = m_rt.quotaPolicies().limitsFor(t.tenant);
            const Quota::WindowClock &windows = m_rt.quotaPolicies().windowsFor(t.tenant.config.timeZone);
            // Every sixth just under the 90 % alert, so a little traffic makes one fire.
            const double share = ++active % 6 == 0 ? 0.86 + m_random.generateDouble() * 0.03
                                                   : 0.05 + m_random.generateDouble() * 0.6;
            if (limits->apiCallsPerDay > 0) {
                const Quota::QuotaWindow day = windows.window(Quota::WindowKind::Day, nowMs);
                rows.append({t.tenant.id, u"day"_s, day.index, day.endMs, qint64(double(limits->apiCallsPerDay) * share)});
            }
            if (limits->apiCallsPerMonth > 0) {
                const Quota::QuotaWindow month = windows.window(Quota::WindowKind::Month, nowMs);
                const double monthShare = std::min(0.99, share * (0.4 + m_random.generateDouble() * 0.5));
                rows.append({t.tenant.id, u"month"_s, month.index, month.endMs,
                             qint64(double(limits->apiCallsPerMonth) * monthShare)});
            }
        }
        return m_rt.quotas().saveCounters(rows);
    }

    Runtime &m_rt;
    ManualClock &m_clock;
    QRandomGenerator m_random;
    Actor m_operator{u"cli:demo"_s, {}, {}};
    QList<DemoTenant> m_tenants;
};

} // namespace

int runDemoData(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    Http::addOptions(parser, Http::commonOptionSpecs());
    parser.addOptions({{u"tenants"_s, u"How many tenants (1..1000)."_s, u"n"_s, u"48"_s},
                       {u"seed"_s, u"Seed of the generator."_s, u"n"_s, u"7"_s},
                       {u"keys-file"_s, u"Write \"<slug> <api key>\" lines here."_s, u"file"_s}});
    QStringList args = arguments;
    args.removeAt(1); // "demo-data"
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        out() << kHelp;
        return 0;
    }
    bool ok = false;
    const int count = parser.value(u"tenants"_s).toInt(&ok);
    if (!ok || count < 1 || count > 1000)
        return usageError(u"--tenants must be a number from 1 to 1000"_s);
    const quint32 seed = parser.value(u"seed"_s).toUInt(&ok);
    if (!ok)
        return usageError(u"--seed must be a non-negative number"_s);
    auto values = Http::OptionValues::resolve(parser, Http::commonOptionSpecs());
    if (!values)
        return failed(values.error());
    auto options = Http::CommonOptions::from(values.value());
    if (!options)
        return failed(options.error());

    ManualClock clock(QDateTime::currentDateTimeUtc().addDays(-kHistoryDays));
    auto runtime = Runtime::open(options.value(), {}, {}, &clock);
    if (!runtime)
        return failed(runtime.error());
    Runtime &rt = *runtime.value();
    if (!rt.directory().snapshot()->byId.isEmpty())
        return failed(Error::conflict(u"catalog-not-empty"_s,
                                      u"The catalog already has tenants; demo data goes into an empty one (--data-dir)."_s));
    DemoBuilder builder(rt, clock, seed);
    if (Status built = builder.build(count); !built)
        return failed(built.error());

    if (parser.isSet(u"keys-file"_s)) {
        QByteArray lines;
        for (const DemoTenant &t : builder.tenants()) {
            if (t.tenant.status == TenantStatus::Active && !t.key.isEmpty())
                lines += t.tenant.slug.toUtf8() + ' ' + t.key.toUtf8() + '\n';
        }
        if (int code = writeOutput(lines, parser.value(u"keys-file"_s)); code != 0)
            return code;
    }
    Storage::InvoiceFilter all;
    all.limit = 100000;
    const auto invoices = rt.billing().invoices().list(all);
    out() << u"Demo data: %1 tenants, %2 invoices, in %3\n"_s.arg(builder.tenants().size())
                 .arg(invoices ? invoices->size() : 0)
                 .arg(rt.catalog().describe());
    return 0;
}

} // namespace Tenantry::App
