-- index ix_audit_entry_record_id on audit_entry
CREATE INDEX ix_audit_entry_record_id ON audit_entry (record_id);
-- index ix_audit_entry_township on audit_entry
CREATE INDEX ix_audit_entry_township ON audit_entry (township);
-- index ix_grassroots_union_township on grassroots_union
CREATE INDEX ix_grassroots_union_township ON grassroots_union (township);
-- index ix_household_category on household
CREATE INDEX ix_household_category ON household (category);
-- index ix_household_event_household_id on household_event
CREATE INDEX ix_household_event_household_id ON household_event (household_id);
-- index ix_household_event_township on household_event
CREATE INDEX ix_household_event_township ON household_event (township);
-- index ix_household_person_household_id on household_person
CREATE INDEX ix_household_person_household_id ON household_person (household_id);
-- index ix_household_person_id_number on household_person
CREATE INDEX ix_household_person_id_number ON household_person (id_number);
-- index ix_household_person_township on household_person
CREATE INDEX ix_household_person_township ON household_person (township);
-- index ix_household_reviewed_on on household
CREATE INDEX ix_household_reviewed_on ON household (reviewed_on);
-- index ix_household_status on household
CREATE INDEX ix_household_status ON household (status);
-- index ix_household_township on household
CREATE INDEX ix_household_township ON household (township);
-- index ix_member_card_no on member
CREATE INDEX ix_member_card_no ON member (card_no);
-- index ix_member_event_member_id on member_event
CREATE INDEX ix_member_event_member_id ON member_event (member_id);
-- index ix_member_event_township on member_event
CREATE INDEX ix_member_event_township ON member_event (township);
-- index ix_member_name_key on member
CREATE INDEX ix_member_name_key ON member (name_key);
-- index ix_member_phone on member
CREATE INDEX ix_member_phone ON member (phone);
-- index ix_member_py_full on member
CREATE INDEX ix_member_py_full ON member (py_full);
-- index ix_member_py_initials on member
CREATE INDEX ix_member_py_initials ON member (py_initials);
-- index ix_member_status on member
CREATE INDEX ix_member_status ON member (status);
-- index ix_member_township on member
CREATE INDEX ix_member_township ON member (township);
-- index ix_member_union_id on member
CREATE INDEX ix_member_union_id ON member (union_id);
-- index ix_payment_household_id on payment
CREATE INDEX ix_payment_household_id ON payment (household_id);
-- index ix_payment_member_id on payment
CREATE INDEX ix_payment_member_id ON payment (member_id);
-- index ix_payment_occasion_paid_on on payment
CREATE INDEX ix_payment_occasion_paid_on ON payment (occasion, paid_on);
-- index ix_payment_paid_on on payment
CREATE INDEX ix_payment_paid_on ON payment (paid_on);
-- index ix_payment_recipient_id_number on payment
CREATE INDEX ix_payment_recipient_id_number ON payment (recipient_id_number);
-- index ix_payment_status on payment
CREATE INDEX ix_payment_status ON payment (status);
-- index ix_payment_township on payment
CREATE INDEX ix_payment_township ON payment (township);
-- index ix_payment_visit_id on payment
CREATE INDEX ix_payment_visit_id ON payment (visit_id);
-- index ix_setting_township on setting
CREATE INDEX ix_setting_township ON setting (township);
-- index ix_station_counter_township on station_counter
CREATE INDEX ix_station_counter_township ON station_counter (township);
-- index ix_station_inspection_station_id on station_inspection
CREATE INDEX ix_station_inspection_station_id ON station_inspection (station_id);
-- index ix_station_inspection_township on station_inspection
CREATE INDEX ix_station_inspection_township ON station_inspection (township);
-- index ix_station_name_key on station
CREATE INDEX ix_station_name_key ON station (name_key);
-- index ix_station_photo_station_id on station_photo
CREATE INDEX ix_station_photo_station_id ON station_photo (station_id);
-- index ix_station_photo_township on station_photo
CREATE INDEX ix_station_photo_township ON station_photo (township);
-- index ix_station_py_initials on station
CREATE INDEX ix_station_py_initials ON station (py_initials);
-- index ix_station_service_count_station_id on station_service_count
CREATE INDEX ix_station_service_count_station_id ON station_service_count (station_id);
-- index ix_station_service_count_township on station_service_count
CREATE INDEX ix_station_service_count_township ON station_service_count (township);
-- index ix_station_status on station
CREATE INDEX ix_station_status ON station (status);
-- index ix_station_status_event_station_id on station_status_event
CREATE INDEX ix_station_status_event_station_id ON station_status_event (station_id);
-- index ix_station_status_event_township on station_status_event
CREATE INDEX ix_station_status_event_township ON station_status_event (township);
-- index ix_station_subsidy_payment_id on station_subsidy
CREATE INDEX ix_station_subsidy_payment_id ON station_subsidy (payment_id);
-- index ix_station_subsidy_station_id on station_subsidy
CREATE INDEX ix_station_subsidy_station_id ON station_subsidy (station_id);
-- index ix_station_subsidy_township on station_subsidy
CREATE INDEX ix_station_subsidy_township ON station_subsidy (township);
-- index ix_station_township on station
CREATE INDEX ix_station_township ON station (township);
-- index ix_trip_bus_campaign_id on trip_bus
CREATE INDEX ix_trip_bus_campaign_id ON trip_bus (campaign_id);
-- index ix_trip_bus_township on trip_bus
CREATE INDEX ix_trip_bus_township ON trip_bus (township);
-- index ix_trip_campaign_township on trip_campaign
CREATE INDEX ix_trip_campaign_township ON trip_campaign (township);
-- index ix_trip_registration_member_id on trip_registration
CREATE INDEX ix_trip_registration_member_id ON trip_registration (member_id);
-- index ix_trip_registration_name_key on trip_registration
CREATE INDEX ix_trip_registration_name_key ON trip_registration (name_key);
-- index ix_trip_registration_phone on trip_registration
CREATE INDEX ix_trip_registration_phone ON trip_registration (phone);
-- index ix_trip_registration_py on trip_registration
CREATE INDEX ix_trip_registration_py ON trip_registration (py_initials);
-- index ix_trip_registration_township on trip_registration
CREATE INDEX ix_trip_registration_township ON trip_registration (township);
-- index ix_trip_seat_registration_id on trip_seat
CREATE INDEX ix_trip_seat_registration_id ON trip_seat (registration_id);
-- index ix_trip_seat_township on trip_seat
CREATE INDEX ix_trip_seat_township ON trip_seat (township);
-- index ix_visit_household_id on visit
CREATE INDEX ix_visit_household_id ON visit (household_id);
-- index ix_visit_member_id on visit
CREATE INDEX ix_visit_member_id ON visit (member_id);
-- index ix_visit_township on visit
CREATE INDEX ix_visit_township ON visit (township);
-- index ix_visit_visited_on on visit
CREATE INDEX ix_visit_visited_on ON visit (visited_on);
-- index ix_voucher_counter_township on voucher_counter
CREATE INDEX ix_voucher_counter_township ON voucher_counter (township);
-- index ux_household_member on household
CREATE UNIQUE INDEX ux_household_member ON household (member_id) WHERE deleted_at IS NULL;
-- index ux_member_card_no on member
CREATE UNIQUE INDEX ux_member_card_no ON member (card_no) WHERE card_no IS NOT NULL AND deleted_at IS NULL;
-- index ux_member_id_number on member
CREATE UNIQUE INDEX ux_member_id_number ON member (id_number) WHERE deleted_at IS NULL;
-- index ux_payment_voucher_no on payment
CREATE UNIQUE INDEX ux_payment_voucher_no ON payment (voucher_no);
-- index ux_station_code on station
CREATE UNIQUE INDEX ux_station_code ON station (code);
-- index ux_station_service_count_month on station_service_count
CREATE UNIQUE INDEX ux_station_service_count_month ON station_service_count (station_id, month) WHERE deleted_at IS NULL;
-- index ux_trip_bus_plate on trip_bus
CREATE UNIQUE INDEX ux_trip_bus_plate ON trip_bus (campaign_id, leg, plate) WHERE deleted_at IS NULL;
-- index ux_trip_campaign_name on trip_campaign
CREATE UNIQUE INDEX ux_trip_campaign_name ON trip_campaign (name) WHERE deleted_at IS NULL;
-- index ux_trip_registration_person on trip_registration
CREATE UNIQUE INDEX ux_trip_registration_person ON trip_registration (campaign_id, id_number) WHERE deleted_at IS NULL AND status = '已登记';
-- index ux_trip_registration_seq on trip_registration
CREATE UNIQUE INDEX ux_trip_registration_seq ON trip_registration (campaign_id, seq);
-- index ux_trip_seat_bus_seat on trip_seat
CREATE UNIQUE INDEX ux_trip_seat_bus_seat ON trip_seat (bus_id, seat_no) WHERE deleted_at IS NULL AND bus_id IS NOT NULL;
-- index ux_trip_seat_leg on trip_seat
CREATE UNIQUE INDEX ux_trip_seat_leg ON trip_seat (registration_id, leg) WHERE deleted_at IS NULL;
-- index ux_voucher_counter_township_year on voucher_counter
CREATE UNIQUE INDEX ux_voucher_counter_township_year ON voucher_counter (township, year);
-- table alembic_version on alembic_version
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
-- table audit_entry on audit_entry
CREATE TABLE audit_entry (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	actor VARCHAR(64) NOT NULL, 
	table_name VARCHAR(64) NOT NULL, 
	record_id VARCHAR(32) NOT NULL, 
	action VARCHAR(16) NOT NULL, 
	"before" VARCHAR, 
	"after" VARCHAR, 
	PRIMARY KEY (id)
);
-- table grassroots_union on grassroots_union
CREATE TABLE grassroots_union (
	name VARCHAR(100) NOT NULL, 
	credit_code VARCHAR(18) NOT NULL, 
	chair VARCHAR(40) NOT NULL, 
	phone VARCHAR(20) NOT NULL, 
	founded DATE, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	status VARCHAR(16) NOT NULL, 
	closed_on DATE, 
	closed_reason VARCHAR(200) NOT NULL, py_full VARCHAR(200) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);
-- table household on household
CREATE TABLE household (
	member_id VARCHAR(32) NOT NULL, 
	category VARCHAR(16) NOT NULL, 
	category_reason VARCHAR(200) NOT NULL, 
	main_cause VARCHAR(20) NOT NULL, 
	secondary_causes VARCHAR(100) NOT NULL, 
	cause_detail VARCHAR(500) NOT NULL, 
	health_status VARCHAR(40) NOT NULL, 
	disability_type VARCHAR(40) NOT NULL, 
	work_status VARCHAR(40) NOT NULL, 
	housing VARCHAR(100) NOT NULL, 
	bank_name VARCHAR(60) NOT NULL, 
	bank_account VARCHAR(40) NOT NULL, 
	built_by VARCHAR(40) NOT NULL, 
	checked_by VARCHAR(40) NOT NULL, 
	entered_by VARCHAR(40) NOT NULL, 
	reviewed_on DATE, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	suggested_category VARCHAR(16), 
	status VARCHAR(16) NOT NULL, 
	status_date DATE, 
	person_count INTEGER NOT NULL, 
	income_total_fen INTEGER NOT NULL, 
	income_per_head_fen INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(member_id) REFERENCES member (id)
);
-- table household_event on household_event
CREATE TABLE household_event (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	household_id VARCHAR(32) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	"on" DATE NOT NULL, 
	reason VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(household_id) REFERENCES household (id)
);
-- table household_person on household_person
CREATE TABLE household_person (
	name VARCHAR(40) NOT NULL, 
	relation VARCHAR(20) NOT NULL, 
	id_number VARCHAR(18) NOT NULL, 
	birth_date DATE, 
	monthly_income_fen INTEGER NOT NULL, 
	health VARCHAR(40) NOT NULL, 
	school VARCHAR(60) NOT NULL, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	household_id VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(household_id) REFERENCES household (id)
);
-- table member on member
CREATE TABLE member (
	name VARCHAR(40) NOT NULL, 
	id_number VARCHAR(20) NOT NULL, 
	phone VARCHAR(20) NOT NULL, 
	ethnicity VARCHAR(20) NOT NULL, 
	employer VARCHAR(100) NOT NULL, 
	union_id VARCHAR(32) NOT NULL, 
	join_date DATE, 
	card_no VARCHAR(30), 
	is_migrant BOOLEAN NOT NULL, 
	hukou_type VARCHAR(20) NOT NULL, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	gender VARCHAR(2) NOT NULL, 
	birth_date DATE, 
	status VARCHAR(16) NOT NULL, 
	status_date DATE, 
	name_key VARCHAR(40) NOT NULL, 
	py_initials VARCHAR(40) NOT NULL, 
	py_full VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(union_id) REFERENCES grassroots_union (id)
);
-- table member_event on member_event
CREATE TABLE member_event (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	member_id VARCHAR(32) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	"on" DATE NOT NULL, 
	reason VARCHAR(200) NOT NULL, 
	from_union_id VARCHAR(32), 
	to_union_id VARCHAR(32), 
	PRIMARY KEY (id), 
	FOREIGN KEY(from_union_id) REFERENCES grassroots_union (id), 
	FOREIGN KEY(member_id) REFERENCES member (id), 
	FOREIGN KEY(to_union_id) REFERENCES grassroots_union (id)
);
-- table payment on payment
CREATE TABLE payment (
	household_id VARCHAR(32), 
	member_id VARCHAR(32), 
	occasion VARCHAR(30) NOT NULL, 
	amount_fen INTEGER NOT NULL, 
	method VARCHAR(16) NOT NULL, 
	paid_on DATE NOT NULL, 
	handler VARCHAR(40) NOT NULL, 
	reviewer VARCHAR(40) NOT NULL, 
	approver VARCHAR(40) NOT NULL, 
	note VARCHAR(200) NOT NULL, 
	hospital VARCHAR(100) NOT NULL, 
	admitted_on DATE, 
	discharged_on DATE, 
	total_cost_fen INTEGER, 
	reimbursed_fen INTEGER, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	voucher_no VARCHAR(40) NOT NULL, 
	visit_id VARCHAR(32), 
	status VARCHAR(16) NOT NULL, 
	void_reason VARCHAR(200) NOT NULL, 
	voided_on DATE, 
	printed_count INTEGER NOT NULL, 
	recipient_name VARCHAR(40) NOT NULL, 
	recipient_id_number VARCHAR(18) NOT NULL, 
	recipient_unit VARCHAR(100) NOT NULL, 
	recipient_category VARCHAR(16) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(household_id) REFERENCES household (id), 
	FOREIGN KEY(member_id) REFERENCES member (id), 
	FOREIGN KEY(visit_id) REFERENCES visit (id)
);
-- table setting on setting
CREATE TABLE setting (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	"key" VARCHAR(64) NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE ("key")
);
-- table station on station
CREATE TABLE station (
	name VARCHAR(100) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	host_unit VARCHAR(100) NOT NULL, 
	host_credit_code VARCHAR(18) NOT NULL, 
	union_id VARCHAR(32), 
	address VARCHAR(200) NOT NULL, 
	latitude FLOAT, 
	longitude FLOAT, 
	opening_hours VARCHAR(100) NOT NULL, 
	is_24h BOOLEAN NOT NULL, 
	manager VARCHAR(40) NOT NULL, 
	manager_phone VARCHAR(11) NOT NULL, 
	registered_on DATE NOT NULL, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	code VARCHAR(20) NOT NULL, 
	area_tenths INTEGER NOT NULL, 
	facilities VARCHAR NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	status_date DATE, 
	name_key VARCHAR(100) NOT NULL, 
	py_initials VARCHAR(100) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(union_id) REFERENCES grassroots_union (id)
);
-- table station_counter on station_counter
CREATE TABLE station_counter (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	prefix VARCHAR(16) NOT NULL, 
	last_seq INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (prefix)
);
-- table station_inspection on station_inspection
CREATE TABLE station_inspection (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	station_id VARCHAR(32) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	"on" DATE NOT NULL, 
	inspector VARCHAR(100) NOT NULL, 
	results VARCHAR NOT NULL, 
	passed BOOLEAN NOT NULL, 
	remarks VARCHAR(500) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(station_id) REFERENCES station (id)
);
-- table station_photo on station_photo
CREATE TABLE station_photo (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	station_id VARCHAR(32) NOT NULL, 
	filename VARCHAR(200) NOT NULL, 
	mime VARCHAR(40) NOT NULL, 
	taken_on DATE, 
	size INTEGER NOT NULL, 
	data BLOB NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(station_id) REFERENCES station (id)
);
-- table station_service_count on station_service_count
CREATE TABLE station_service_count (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	station_id VARCHAR(32) NOT NULL, 
	month DATE NOT NULL, 
	sanitation INTEGER NOT NULL, 
	courier INTEGER NOT NULL, 
	rider INTEGER NOT NULL, 
	police INTEGER NOT NULL, 
	other INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(station_id) REFERENCES station (id)
);
-- table station_status_event on station_status_event
CREATE TABLE station_status_event (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	station_id VARCHAR(32) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	"on" DATE NOT NULL, 
	reason VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(station_id) REFERENCES station (id)
);
-- table station_subsidy on station_subsidy
CREATE TABLE "station_subsidy" (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	station_id VARCHAR(32) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	amount_fen INTEGER NOT NULL, 
	paid_on DATE NOT NULL, 
	note VARCHAR(200) NOT NULL, 
	payment_id VARCHAR(32), 
	PRIMARY KEY (id), 
	CONSTRAINT fk_station_subsidy_payment_id_payment FOREIGN KEY(payment_id) REFERENCES payment (id), 
	FOREIGN KEY(station_id) REFERENCES station (id)
);
-- table trip_bus on trip_bus
CREATE TABLE trip_bus (
	leg VARCHAR(16) NOT NULL, 
	plate VARCHAR(12) NOT NULL, 
	carrier VARCHAR(100) NOT NULL, 
	driver VARCHAR(40) NOT NULL, 
	driver_phone VARCHAR(20) NOT NULL, 
	contract_no VARCHAR(40) NOT NULL, 
	seats INTEGER NOT NULL, 
	departs_on DATE, 
	departs_time VARCHAR(5) NOT NULL, 
	departure_place VARCHAR(100) NOT NULL, 
	destination VARCHAR(60) NOT NULL, 
	stops_json VARCHAR NOT NULL, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	campaign_id VARCHAR(32) NOT NULL, 
	seq INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(campaign_id) REFERENCES trip_campaign (id)
);
-- table trip_campaign on trip_campaign
CREATE TABLE trip_campaign (
	name VARCHAR(60) NOT NULL, 
	starts_on DATE, 
	ends_on DATE, 
	notes VARCHAR(400) NOT NULL, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	PRIMARY KEY (id)
);
-- table trip_registration on trip_registration
CREATE TABLE trip_registration (
	name VARCHAR(40) NOT NULL, 
	id_number VARCHAR(18) NOT NULL, 
	phone VARCHAR(11) NOT NULL, 
	employer VARCHAR(100) NOT NULL, 
	province VARCHAR(20) NOT NULL, 
	city VARCHAR(30) NOT NULL, 
	county VARCHAR(30) NOT NULL, 
	emergency_name VARCHAR(40) NOT NULL, 
	emergency_phone VARCHAR(20) NOT NULL, 
	insurance_no VARCHAR(40) NOT NULL, 
	legs VARCHAR(16) NOT NULL, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	campaign_id VARCHAR(32) NOT NULL, 
	member_id VARCHAR(32), 
	seq INTEGER NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	cancelled_on DATE, 
	cancel_reason VARCHAR(200) NOT NULL, 
	name_key VARCHAR(40) NOT NULL, 
	py_initials VARCHAR(40) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(campaign_id) REFERENCES trip_campaign (id), 
	FOREIGN KEY(member_id) REFERENCES member (id)
);
-- table trip_seat on trip_seat
CREATE TABLE trip_seat (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	registration_id VARCHAR(32) NOT NULL, 
	leg VARCHAR(16) NOT NULL, 
	bus_id VARCHAR(32), 
	seat_no INTEGER, 
	boarded_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(bus_id) REFERENCES trip_bus (id), 
	FOREIGN KEY(registration_id) REFERENCES trip_registration (id)
);
-- table visit on visit
CREATE TABLE visit (
	household_id VARCHAR(32), 
	member_id VARCHAR(32), 
	visited_on DATE NOT NULL, 
	visitors VARCHAR(100) NOT NULL, 
	occasion VARCHAR(30) NOT NULL, 
	notes VARCHAR(500) NOT NULL, 
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(household_id) REFERENCES household (id), 
	FOREIGN KEY(member_id) REFERENCES member (id)
);
-- table voucher_counter on voucher_counter
CREATE TABLE voucher_counter (
	id VARCHAR(32) NOT NULL, 
	township VARCHAR(8) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	year INTEGER NOT NULL, 
	last INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
