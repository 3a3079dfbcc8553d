#pragma once

#include <QString>

#include <memory>

namespace Tenantry::Testing {

// A fresh, empty PostgreSQL database on the throwaway server scripts/test.sh starts
// (TENANTRY_TEST_PG_URL), dropped again when this object dies.
class PgTestDatabase
{
public:
    // nullptr when no server is configured; then call skipOrFail().
    static std::unique_ptr<PgTestDatabase> create();
    ~PgTestDatabase();

    QString url() const { return m_url; }
    QString name() const { return m_name; }

private:
    QString m_baseUrl;
    QString m_url;
    QString m_name;
};

// Whether tests must fail (not skip) when a service is missing: scripts/test.sh sets
// TENANTRY_TEST_REQUIRE_SERVICES=1 so CI can never pass by skipping.
bool servicesRequired();

} // namespace Tenantry::Testing

// Use in a test body: skips when PostgreSQL is not configured, fails when it is required.
#define TENANTRY_REQUIRE_PG(db)                                                                  \
    do {                                                                                         \
        if (!(db)) {                                                                             \
            if (::Tenantry::Testing::servicesRequired())                                         \
                FAIL() << "TENANTRY_TEST_PG_URL is required but missing or unusable";            \
            GTEST_SKIP() << "PostgreSQL not configured (set TENANTRY_TEST_PG_URL)";              \
        }                                                                                        \
    } while (0)
