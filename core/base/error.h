#pragma once

#include <QList>
#include <QString>

namespace Tenantry {

// What kind of failure an error is. The HTTP layer maps each kind to exactly one status
// (core/http/problem.cpp); the console shows the message. Keep this list short: the
// precise reason lives in Error::code.
enum class ErrorKind {
    Invalid,          // the caller sent something malformed or out of range
    Unauthenticated,  // no or bad credentials
    Forbidden,        // credentials fine, but not allowed (e.g. tenant suspended)
    NotFound,
    Conflict,         // clashes with existing state (duplicate slug, illegal transition)
    Gone,             // existed, deleted
    PreconditionFailed, // a conditional request (If-Match) no longer holds
    TooManyRequests,  // a limit or pool quota is exhausted; try again later
    TooLarge,         // request body over the configured limit
    HeadersTooLarge,  // request headers over the configured limit
    Unavailable,      // a dependency (database, Redis) is not reachable
    Internal,         // a bug or an unexpected failure of ours
};

// One problem with one input field, named by a JSON pointer or a field name.
struct FieldError {
    QString field;
    QString message;
};

// An error as a value. `code` is a stable, machine-readable kebab-case identifier
// (it becomes the problem `type`); `message` is a sentence a person can act on.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString code;
    QString message;
    QList<FieldError> fields;
    int retryAfterSeconds = 0; // > 0: when trying again makes sense (Retry-After)

    static Error invalid(const QString &code, const QString &message, QList<FieldError> fields = {});
    static Error unauthenticated(const QString &code, const QString &message);
    static Error forbidden(const QString &code, const QString &message);
    static Error notFound(const QString &code, const QString &message);
    static Error conflict(const QString &code, const QString &message);
    static Error gone(const QString &code, const QString &message);
    static Error preconditionFailed(const QString &code, const QString &message);
    static Error tooManyRequests(const QString &code, const QString &message, int retryAfterSeconds);
    static Error unavailable(const QString &code, const QString &message);
    static Error internal(const QString &message);
};

} // namespace Tenantry
