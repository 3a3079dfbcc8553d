#include "core/base/error.h"

using namespace Qt::StringLiterals;

namespace Tenantry {

Error Error::invalid(const QString &code, const QString &message, QList<FieldError> fields)
{
    return {ErrorKind::Invalid, code, message, std::move(fields)};
}

Error Error::unauthenticated(const QString &code, const QString &message)
{
    return {ErrorKind::Unauthenticated, code, message, {}};
}

Error Error::forbidden(const QString &code, const QString &message)
{
    return {ErrorKind::Forbidden, code, message, {}};
}

Error Error::notFound(const QString &code, const QString &message)
{
    return {ErrorKind::NotFound, code, message, {}};
}

Error Error::conflict(const QString &code, const QString &message)
{
    return {ErrorKind::Conflict, code, message, {}};
}

Error Error::gone(const QString &code, const QString &message)
{
    return {ErrorKind::Gone, code, message, {}};
}

Error Error::preconditionFailed(const QString &code, const QString &message)
{
    return {ErrorKind::PreconditionFailed, code, message, {}};
}

Error Error::tooManyRequests(const QString &code, const QString &message, int retryAfterSeconds)
{
    return {ErrorKind::TooManyRequests, code, message, {}, retryAfterSeconds};
}

Error Error::unavailable(const QString &code, const QString &message)
{
    return {ErrorKind::Unavailable, code, message, {}};
}

Error Error::internal(const QString &message)
{
    return {ErrorKind::Internal, u"internal-error"_s, message, {}};
}

} // namespace Tenantry
