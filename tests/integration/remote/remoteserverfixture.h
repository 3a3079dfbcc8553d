#pragma once

#include "core/remote/adminclient.h"
#include "tests/support/serverprocess.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace Tenantry::Testing {

// A real `tenantry serve` over a fresh SQLite data directory, and an AdminClient pointed at
// it with the server's admin token: what the console's remote services talk to.
class RemoteServerTest : public ::testing::Test
{
protected:
    static constexpr const char *kAdminToken = "remote-admin-token-0123456789";

    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("TENANTRY_ADMIN_TOKEN"), QString::fromLatin1(kAdminToken));
        QString error;
        m_server = ServerProcess::start({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")),
                                         QStringLiteral("--identify"), QStringLiteral("header")},
                                        m_env, &error);
        ASSERT_TRUE(m_server) << error.toStdString();
        m_client = std::make_unique<Remote::AdminClient>(endpoint(kAdminToken));
    }

    Remote::AdminEndpoint endpoint(const QByteArray &token) const
    {
        return {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())), token};
    }

    Remote::AdminClient &client() { return *m_client; }
    ServerProcess &server() { return *m_server; }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Remote::AdminClient> m_client;
};

} // namespace Tenantry::Testing
