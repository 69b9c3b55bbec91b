--liquibase formatted sql

--changeset narasi:20261121140300_seed_dev_data context:dev
--comment: Development seed data, context dev only (the dev server runs it; production never selects it).
-- Idempotent: each row is inserted only when it is missing, so running this on a database that already holds some
-- of it adds nothing twice. The seeded experts are directory content, not logins: their password hash is that of
-- a random password nobody kept, so no known password exists. Log in as the administrator the dev server
-- creates (a generated password, printed on the first start).
INSERT INTO users (fullname, email, password_hash, role, phone_number, whatsapp_number, last_education, degree, last_job_title)
VALUES
    ('Dr. Siti Rahmawati', 'siti@dev.narasi.test',
     'PBKDF2WithHmacSHA512:210000:8j+XYPNyuAh4SYMX2pOeJXT80FugyD0+8UZxKQTsOQY=:wi8o/gRfr5B0jSRPwX+G/ddOp+6im6spjy6GWsbANVo=',
     'USER', '+6281200000001', '+6281200000001', 'S3 Ilmu Komputer', 'Dr.', 'Dosen Kecerdasan Buatan'),
    ('Budi Santoso, M.T.', 'budi@dev.narasi.test',
     'PBKDF2WithHmacSHA512:210000:8j+XYPNyuAh4SYMX2pOeJXT80FugyD0+8UZxKQTsOQY=:wi8o/gRfr5B0jSRPwX+G/ddOp+6im6spjy6GWsbANVo=',
     'USER', '+6281200000002', '+6281200000002', 'S2 Teknik Sipil', 'M.T.', 'Insinyur Struktur'),
    ('Prof. Ayu Lestari', 'ayu@dev.narasi.test',
     'PBKDF2WithHmacSHA512:210000:8j+XYPNyuAh4SYMX2pOeJXT80FugyD0+8UZxKQTsOQY=:wi8o/gRfr5B0jSRPwX+G/ddOp+6im6spjy6GWsbANVo=',
     'USER', NULL, '+6281200000003', 'S3 Kesehatan Masyarakat', 'Prof.', 'Guru Besar Epidemiologi'),
    ('Rina Wijaya', 'rina@dev.narasi.test',
     'PBKDF2WithHmacSHA512:210000:8j+XYPNyuAh4SYMX2pOeJXT80FugyD0+8UZxKQTsOQY=:wi8o/gRfr5B0jSRPwX+G/ddOp+6im6spjy6GWsbANVo=',
     'USER', NULL, NULL, 'S1 Manajemen', NULL, NULL)
ON CONFLICT ((LOWER(email))) DO NOTHING;
INSERT INTO education_histories (user_id, school_name, major, education_level, graduation_year)
SELECT u.id, v.school_name, v.major, v.education_level, v.graduation_year
  FROM (VALUES
        ('siti@dev.narasi.test', 'Universitas Indonesia', 'Ilmu Komputer', 'S3', 2015),
        ('siti@dev.narasi.test', 'Institut Teknologi Bandung', 'Informatika', 'S1', 2007),
        ('budi@dev.narasi.test', 'Universitas Gadjah Mada', 'Teknik Sipil', 'S2', 2012),
        ('ayu@dev.narasi.test', 'Universitas Airlangga', 'Kesehatan Masyarakat', 'S3', 2005)
       ) AS v (email, school_name, major, education_level, graduation_year)
  JOIN users u ON LOWER(u.email) = v.email
 WHERE NOT EXISTS (SELECT 1 FROM education_histories e
                    WHERE e.user_id = u.id AND e.school_name = v.school_name AND e.major = v.major);
INSERT INTO work_histories (user_id, job_title, company_name, start_date, end_date)
SELECT u.id, v.job_title, v.company_name, v.start_date, v.end_date
  FROM (VALUES
        ('siti@dev.narasi.test', 'Dosen Kecerdasan Buatan', 'Universitas Indonesia', DATE '2015-09-01', CAST(NULL AS DATE)),
        ('budi@dev.narasi.test', 'Insinyur Struktur', 'PT Wijaya Karya', DATE '2012-03-01', CAST(NULL AS DATE)),
        ('budi@dev.narasi.test', 'Pengawas Lapangan', 'PT Adhi Karya', DATE '2008-01-15', DATE '2012-02-28'),
        ('ayu@dev.narasi.test', 'Guru Besar Epidemiologi', 'Universitas Airlangga', DATE '2016-02-01', CAST(NULL AS DATE))
       ) AS v (email, job_title, company_name, start_date, end_date)
  JOIN users u ON LOWER(u.email) = v.email
 WHERE NOT EXISTS (SELECT 1 FROM work_histories w
                    WHERE w.user_id = u.id AND w.job_title = v.job_title AND w.company_name = v.company_name);
INSERT INTO research_journals (user_id, journal_title, publisher, journal_url, published_date)
SELECT u.id, v.journal_title, v.publisher, v.journal_url, v.published_date
  FROM (VALUES
        ('siti@dev.narasi.test', 'Pemrosesan Bahasa Alami untuk Bahasa Indonesia', 'IEEE',
         'https://example.org/dev/journals/nlp-indonesia', DATE '2021-06-10'),
        ('ayu@dev.narasi.test', 'Surveilans Demam Berdarah Berbasis Komunitas', 'Elsevier',
         'https://example.org/dev/journals/dbd-surveillance', DATE '2019-11-05')
       ) AS v (email, journal_title, publisher, journal_url, published_date)
  JOIN users u ON LOWER(u.email) = v.email
 WHERE NOT EXISTS (SELECT 1 FROM research_journals r
                    WHERE r.user_id = u.id AND r.journal_url = v.journal_url);
--rollback DELETE FROM users WHERE LOWER(email) LIKE '%@dev.narasi.test';
