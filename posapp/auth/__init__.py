"""Users, roles and PINs: Argon2id-hashed PINs, sign-in, manager approval, lockout."""
