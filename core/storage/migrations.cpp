#include "core/storage/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {

QList<Migration> loadMigrations(const QString &directory)
{
    QList<Migration> out;
    static const QRegularExpression fileName(u"^(\\d{4})_[a-z0-9_]+\\.sql$"_s);
    const QDir dir(directory);
    for (const QString &entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = fileName.match(entry);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(entry));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append({m.captured(1).toInt(), entry, QString::fromUtf8(f.readAll())});
    }
    return out;
}

QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    for (const QString &line : sql.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith("--"_L1))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements.append(current.trimmed().chopped(1));
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Status ensureVersionTable(QSqlDatabase &db, const QString &versionTable)
{
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS %1 (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at BIGINT NOT NULL)"_s.arg(versionTable))) {
        return Error::unavailable(u"database-error"_s,
                                  u"Cannot create the migrations table: %1"_s.arg(q.lastError().text()));
    }
    return {};
}

Result<int> appliedVersion(QSqlDatabase &db, const QString &versionTable)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT COALESCE(MAX(version), 0) FROM %1"_s.arg(versionTable)) || !q.next()) {
        return Error::unavailable(u"database-error"_s,
                                  u"Cannot read the schema version: %1"_s.arg(q.lastError().text()));
    }
    return q.value(0).toInt();
}

Status applyMigration(QSqlDatabase &db, const Migration &migration, const QString &versionTable)
{
    for (const QString &statement : splitStatements(migration.sql)) {
        QSqlQuery s(db);
        if (!s.exec(statement)) {
            return Error::unavailable(u"database-error"_s,
                                      u"Migration %1 failed: %2"_s.arg(migration.name, s.lastError().text()));
        }
    }
    QSqlQuery done(db);
    done.prepare(u"INSERT INTO %1 (version, name, applied_at) VALUES (?, ?, ?)"_s.arg(versionTable));
    done.addBindValue(migration.version);
    done.addBindValue(migration.name);
    done.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!done.exec()) {
        return Error::unavailable(u"database-error"_s,
                                  u"Cannot record migration %1: %2"_s.arg(migration.name, done.lastError().text()));
    }
    return {};
}

} // namespace Tenantry::Storage
