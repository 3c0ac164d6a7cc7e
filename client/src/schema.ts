// Generated from PAM's OpenAPI document (GET /openapi.json) by `npm run client:generate`.
// Do not edit: regenerate after changing a route or a schema.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/digistore24": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** URL check Digistore24 makes when the IPN is registered */
        get: operations["checkDigistore24Ipn"];
        put?: never;
        /**
         * Digistore24 IPN (authenticated by sha_sign, not by token)
         * @description Every signed call is logged in digistore24_webhook_logs, and so are the first 20 refused calls (unsigned, wrongly signed, not a form) of every 10 minutes; later ones are counted, and the count logged once those minutes are over. A stored event is answered 200 `OK`; anything else is an error Digistore24 retries. Redelivering an event changes nothing.
         */
        post: operations["receiveDigistore24Ipn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your profile
         * @description Created from the token on your first authenticated request.
         */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        /** Delete your account and everything you own */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        /** Update your profile */
        patch: operations["updateProfile"];
        trace?: never;
    };
    "/api/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything you own, as one JSON document */
        get: operations["exportAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your sessions, newest first */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a session
         * @description Later requests with that session’s tokens are answered 401. Revoking an ended session again is a no-op.
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/todos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your todos, newest first */
        get: operations["listTodos"];
        put?: never;
        /** Create a todo */
        post: operations["createTodo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/todos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a todo */
        get: operations["getTodo"];
        put?: never;
        post?: never;
        /** Delete a todo and its subtasks */
        delete: operations["deleteTodo"];
        options?: never;
        head?: never;
        /**
         * Update a todo
         * @description Setting `status` to `completed` stamps `completed_at`; leaving `completed` clears it.
         */
        patch: operations["updateTodo"];
        trace?: never;
    };
    "/api/v1/todos/{id}/subtasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A todo's subtasks, ordered by position */
        get: operations["listSubtasks"];
        put?: never;
        /** Add a subtask */
        post: operations["addSubtask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/todos/{id}/subtasks/{subtask_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a subtask */
        delete: operations["deleteSubtask"];
        options?: never;
        head?: never;
        /** Update a subtask */
        patch: operations["updateSubtask"];
        trace?: never;
    };
    "/api/v1/todos/{id}/subtasks/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reorder all subtasks at once
         * @description The body lists every subtask of the todo exactly once; positions become 0..n-1 in that order, atomically.
         */
        put: operations["reorderSubtasks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your vehicles, newest first */
        get: operations["listVehicles"];
        put?: never;
        /**
         * Add a vehicle
         * @description Marking a vehicle `is_primary` unmarks your other vehicles: there is at most one primary vehicle.
         */
        post: operations["addVehicle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vehicles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a vehicle */
        get: operations["getVehicle"];
        put?: never;
        post?: never;
        /**
         * Delete a vehicle and its maintenance records
         * @description Trips that used the vehicle are kept; their `vehicle_id` becomes null.
         */
        delete: operations["deleteVehicle"];
        options?: never;
        head?: never;
        /**
         * Update a vehicle
         * @description Marking a vehicle `is_primary` unmarks your other vehicles: there is at most one primary vehicle.
         */
        patch: operations["updateVehicle"];
        trace?: never;
    };
    "/api/v1/vehicles/{id}/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A vehicle's maintenance log, most recent service first
         * @description Ordered by `service_date`, then `created_at`, newest first.
         */
        get: operations["listMaintenance"];
        put?: never;
        /** Log maintenance of a vehicle */
        post: operations["logMaintenance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vehicles/{id}/maintenance/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a maintenance record */
        delete: operations["deleteMaintenance"];
        options?: never;
        head?: never;
        /** Update a maintenance record */
        patch: operations["updateMaintenance"];
        trace?: never;
    };
    "/api/v1/maintenance/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Maintenance due within `days`, soonest first
         * @description Records whose `next_service_date` falls on or before today (UTC) plus `days`, across your active vehicles, ordered by `next_service_date` (then `id`). Services already overdue are included and flagged `overdue: true`. Only the latest record of each `maintenance_type` (compared case-insensitively) per vehicle counts: once a service has been logged again, the older record's due date no longer applies. Vehicles with `is_active: false` are left out.
         */
        get: operations["upcomingMaintenance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your trips, newest first
         * @description `from` and `to` select trips whose dates intersect [from, to] (both inclusive). A trip without `end_date` occupies its `start_date` alone (and one without `start_date` its `end_date`); a trip with neither date never matches a date filter.
         */
        get: operations["listTrips"];
        put?: never;
        /**
         * Plan a trip
         * @description A trip may be created in any status (for example `completed`, to record one after the fact).
         */
        post: operations["createTrip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trips/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a trip, with the total of its expenses and the number of its todos */
        get: operations["getTrip"];
        put?: never;
        post?: never;
        /**
         * Delete a trip
         * @description Expenses and todos linked to the trip are kept; their `trip_id` becomes null.
         */
        delete: operations["deleteTrip"];
        options?: never;
        head?: never;
        /**
         * Update a trip
         * @description Status changes follow the trip's life: `planned` → `in_progress` → `completed`, and `planned` or `in_progress` → `cancelled`. A planned trip may also be marked `completed` directly, and an `in_progress` trip put back to `planned`. `completed` and `cancelled` are final: moving such a trip back to `planned` or `in_progress` needs `"reopen": true` in the same body, and one final status never turns into the other. A refused change is `409` and changes nothing.
         */
        patch: operations["updateTrip"];
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalogue: active products, newest first (by relevance when searching)
         * @description No token needed. Withdrawn (inactive) products are never listed, whoever asks.
         */
        get: operations["searchProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One active product
         * @description No token needed. A withdrawn (inactive) product is 404, whoever asks.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wishlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your wishlist, most recently added first, each item with its product */
        get: operations["listWishlist"];
        put?: never;
        /**
         * Add a product to your wishlist
         * @description A product already on the list is `409`. A product that does not exist or is withdrawn from the catalogue is `400` (`invalid_reference`), like any other reference to a row you cannot use.
         */
        post: operations["addToWishlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wishlist/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a product from your wishlist
         * @description `404` when the product is not on your list.
         */
        delete: operations["removeFromWishlist"];
        options?: never;
        head?: never;
        /**
         * Change the notes or priority of a wishlist item
         * @description `404` when the product is not on your list.
         */
        patch: operations["updateWishlistItem"];
        trace?: never;
    };
    "/api/v1/affiliate-sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your purchases through PAM and the commissions they earned, newest first
         * @description Read-only: sales are recorded by the Digistore24 webhook. Test-mode sales are listed with `is_test: true`.
         */
        get: operations["listAffiliateSales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your budgets, newest first */
        get: operations["listBudgets"];
        put?: never;
        /** Create a budget */
        post: operations["createBudget"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a budget */
        get: operations["getBudget"];
        put?: never;
        post?: never;
        /**
         * Delete a budget and its categories
         * @description Expenses linked to its categories are kept and unlinked.
         */
        delete: operations["deleteBudget"];
        options?: never;
        head?: never;
        /** Update a budget */
        patch: operations["updateBudget"];
        trace?: never;
    };
    "/api/v1/budgets/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Allocated, spent and remaining amounts of an active budget
         * @description Computed from the active categories of the budget. A budget without categories has its whole amount remaining. Inactive budgets have no summary (404).
         */
        get: operations["budgetStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets/{id}/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A budget's categories, ordered by sort_order */
        get: operations["listBudgetCategories"];
        put?: never;
        /** Add a category to a budget */
        post: operations["addBudgetCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets/{id}/categories/{category_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a budget category
         * @description Expenses linked to it are kept and unlinked; its child categories lose their parent.
         */
        delete: operations["deleteBudgetCategory"];
        options?: never;
        head?: never;
        /** Update a budget category */
        patch: operations["updateBudgetCategory"];
        trace?: never;
    };
    "/api/v1/expenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your expenses, newest first */
        get: operations["listExpenses"];
        put?: never;
        /** Record an expense */
        post: operations["logExpense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Expense totals per category or per month
         * @description Takes the same filters as the list. Categories come largest total first, months in calendar order. Expenses carry no currency: totals add up the amounts as they were entered.
         */
        get: operations["expenseSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an expense */
        get: operations["getExpense"];
        put?: never;
        post?: never;
        /** Delete an expense */
        delete: operations["deleteExpense"];
        options?: never;
        head?: never;
        /**
         * Update an expense
         * @description Changing the amount or `budget_category_id` moves the linked categories' `spent_amount`.
         */
        patch: operations["updateExpense"];
        trace?: never;
    };
    "/api/v1/income-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your income sources, newest first */
        get: operations["listIncomeSources"];
        put?: never;
        /** Add an income source */
        post: operations["addIncomeSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/income-sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an income source */
        get: operations["getIncomeSource"];
        put?: never;
        post?: never;
        /**
         * Delete an income source
         * @description Income entries recorded against it are kept and unlinked.
         */
        delete: operations["deleteIncomeSource"];
        options?: never;
        head?: never;
        /** Update an income source */
        patch: operations["updateIncomeSource"];
        trace?: never;
    };
    "/api/v1/income-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your income entries, newest first */
        get: operations["listIncomeEntries"];
        put?: never;
        /** Record income received */
        post: operations["recordIncome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/income-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an income entry */
        get: operations["getIncomeEntry"];
        put?: never;
        post?: never;
        /** Delete an income entry */
        delete: operations["deleteIncomeEntry"];
        options?: never;
        head?: never;
        /** Update an income entry */
        patch: operations["updateIncomeEntry"];
        trace?: never;
    };
    "/api/v1/pam/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your conversations with PAM, newest first */
        get: operations["listConversations"];
        put?: never;
        /**
         * Start a conversation
         * @description The title comes from the first message unless one is given.
         */
        post: operations["startConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pam/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation with its messages, oldest first */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        /** Delete a conversation and its messages */
        delete: operations["deleteConversation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pam/messages/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Thumbs up or down on one of PAM's replies
         * @description Sending it again replaces your earlier rating of the same reply.
         */
        post: operations["rateReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pam/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send PAM a message and get the reply, streamed or whole
         * @description With `Accept: text/event-stream` the turn streams as server-sent events as it happens, each with `id` and `seq`: `start` (before the model is asked), `delta` (text), `tool_call`, `tool_result`, then `error` (when the model failed or a limit was reached) and `done` with the stored reply. Otherwise the answer is the stored turn as JSON. Both messages are stored whatever happens; a client that disconnects finds the reply in the conversation.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pam/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What PAM raised by itself: reminders due, maintenance coming up, budgets running out
         * @description Newest first. PAM also mentions unseen ones in its next reply (their `mentioned_at` is then set).
         */
        get: operations["listNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pam/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Mark a notice read (or unread) */
        patch: operations["markNotice"];
        trace?: never;
    };
    "/api/v1/pam/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tools PAM can use, exactly as it is offered them */
        get: operations["listPamTools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search your knowledge and the shared knowledge
         * @description Hybrid ranking: reciprocal rank fusion of similarity in meaning (embeddings, cosine) and full-text rank. When the question cannot be embedded, full text alone ranks and `mode` is `full_text`. Each result carries its `score`, the matching chunk and its document.
         */
        get: operations["searchKnowledge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your knowledge and the shared knowledge, newest first */
        get: operations["listKnowledge"];
        put?: never;
        /**
         * Save a note, an article or a list for PAM to answer from
         * @description Answers at once with the document cut into chunks (by paragraph and sentence, within a token budget, with overlap). The chunks are `pending` until embedded, shortly after the answer; full-text search finds them straight away.
         */
        post: operations["createKnowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a document with its chunks and their embedding state */
        get: operations["getKnowledge"];
        put?: never;
        post?: never;
        /**
         * Delete one of your documents and its chunks
         * @description Shared knowledge cannot be deleted here (`403`).
         */
        delete: operations["deleteKnowledge"];
        options?: never;
        head?: never;
        /**
         * Change one of your documents
         * @description A new `title` or `content` cuts the document into new chunks, which are embedded again; other changes keep the chunks. Shared knowledge is read-only here (`403`).
         */
        patch: operations["updateKnowledge"];
        trace?: never;
    };
    "/api/v1/admin/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List shared knowledge, newest first */
        get: operations["listSharedKnowledge"];
        put?: never;
        /**
         * Publish knowledge for every user (travel tips)
         * @description Every user's knowledge search includes it; no user can change it. Cut into chunks and embedded like a user's document.
         */
        post: operations["publishSharedKnowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a shared document with its chunks */
        get: operations["getSharedKnowledge"];
        put?: never;
        post?: never;
        /** Withdraw a shared document and its chunks */
        delete: operations["deleteSharedKnowledge"];
        options?: never;
        head?: never;
        /**
         * Change a shared document
         * @description A new `title` or `content` cuts it into new chunks, which are embedded again.
         */
        patch: operations["updateSharedKnowledge"];
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List public groups and your own, newest first
         * @description Private and invite-only groups appear to their members only.
         */
        get: operations["listGroups"];
        put?: never;
        /**
         * Create a group
         * @description You become its admin member. Limited per user (`community.rate_limit.group`).
         */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a group
         * @description A private or invite-only group is `404` to anyone but its members.
         */
        get: operations["getGroup"];
        put?: never;
        post?: never;
        /** Delete a group with its memberships and posts (its admins) */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        /** Update a group (its admins) */
        patch: operations["updateGroup"];
        trace?: never;
    };
    "/api/v1/groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a group's active members, longest-standing first
         * @description Anyone signed in for a public group; only members for a private or invite-only one (`404` to others).
         */
        get: operations["listGroupMembers"];
        put?: never;
        /**
         * Add a member (group admins and moderators)
         * @description How private and invite-only groups take members. Moderators add plain members; admins may add moderators and admins. Adding someone who is already a member is `409`.
         */
        post: operations["addGroupMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (moderators: plain members; admins: anyone)
         * @description Removing yourself is leaving. The last admin of a group that has members cannot be removed (`409`).
         */
        delete: operations["removeGroupMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role (group admins)
         * @description A group with members keeps at least one admin: demoting the last one is `409`.
         */
        patch: operations["changeMemberRole"];
        trace?: never;
    };
    "/api/v1/groups/{id}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join a public group
         * @description Answers `201` with the new membership, or `200` with the existing one when you are already a member. Private and invite-only groups take members their admins and moderators add (`403`).
         */
        post: operations["joinGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Leave a group
         * @description The last admin of a group that still has members cannot leave it (`409`): make another member admin first.
         */
        post: operations["leaveGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The feed: posts you may see, newest first, or matching a search
         * @description Public posts, your groups' posts and your own, without what moderation removed or holds for review and without posts of anyone you blocked or who blocked you. Filter by `group_id` or `author_id`; `q` searches and ranks by relevance.
         */
        get: operations["listFeed"];
        put?: never;
        /**
         * Create a post
         * @description In a group you must be a member (`403` otherwise). Bodies are capped at 10,000 characters. Limited per user (`community.rate_limit.post`). The moderation rules flag it as it is written; a high-severity flag queues it for review.
         */
        post: operations["createPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a post */
        get: operations["getPost"];
        put?: never;
        post?: never;
        /** Delete a post (its author, or its group's moderators and admins) */
        delete: operations["deletePost"];
        options?: never;
        head?: never;
        /** Edit your post */
        patch: operations["updatePost"];
        trace?: never;
    };
    "/api/v1/posts/{id}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Like a post
         * @description Idempotent: one like per user; `like_count` is kept by the database.
         */
        put: operations["likePost"];
        post?: never;
        /**
         * Take back your like
         * @description Idempotent: without a like there is nothing to take back, and the answer is the same.
         */
        delete: operations["unlikePost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A post's comments, oldest first
         * @description Threads through `parent_comment_id`. `404` unless you can see the post.
         */
        get: operations["listComments"];
        put?: never;
        /**
         * Comment on a post, or answer a comment
         * @description On a post you can see; a reply names a comment on the same post you can see. Bodies are capped at 4,000 characters. Limited per user (`community.rate_limit.comment`); `comment_count` is kept by the database.
         */
        post: operations["addComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a comment */
        get: operations["getComment"];
        put?: never;
        post?: never;
        /** Delete a comment and its replies (its author, or the group's moderators and admins) */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        /** Edit your comment */
        patch: operations["updateComment"];
        trace?: never;
    };
    "/api/v1/users/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Block a user
         * @description Their posts and comments disappear for you, and yours for them, everywhere: feed, groups, comments, search. Idempotent. Only you know of the block.
         */
        put: operations["blockUser"];
        post?: never;
        /**
         * Lift a block
         * @description Idempotent: lifting a block that is not there answers the same.
         */
        delete: operations["unblockUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users you blocked, newest first */
        get: operations["listBlocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reports you filed, newest first, with their status */
        get: operations["listReports"];
        put?: never;
        /**
         * Report a post, comment, profile or group you can see
         * @description The server records you, the author and the content as it stands now; the body names the content and the reason (`other` needs `additional_context`). Reporting the same content again while your report is pending answers `200` with that report. Content reported by enough people is hidden until it is reviewed. Content you cannot see, or your own, is `400`. Limited per user (`community.rate_limit.report`).
         */
        post: operations["reportContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports on a group's posts and comments, oldest first (its moderators and admins) */
        get: operations["listGroupReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/reports/{report_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Decide a report on a group's post or comment (its moderators and admins)
         * @description `removed` deactivates the content (only its author and administrators still see it); `approved` and `rejected` leave it up and release a hold. The decision settles every pending report on the same content and is audited.
         */
        patch: operations["moderateGroupReport"];
        trace?: never;
    };
    "/api/v1/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List system settings, by key
         * @description Ordered by `setting_key` (A to Z) rather than newest first: settings are looked up by name.
         */
        get: operations["listSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/settings/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a system setting */
        get: operations["getSetting"];
        /**
         * Create or replace a system setting
         * @description Upsert by key. Answers `201` with `Location` when the key is new, `200` when an existing setting was replaced. `updated_by` becomes the caller. A key must match `^[a-z][a-z0-9_.-]{0,99}$`; any other key is `400`.
         */
        put: operations["putSetting"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first
         * @description Written by the database on every change to audited tables (profiles, products, settings, moderation).
         */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/digistore24/sync-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Digistore24 product sync runs, newest first */
        get: operations["listSyncLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/digistore24/webhook-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Digistore24 webhook calls, newest first */
        get: operations["listWebhookLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/digistore24/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the Digistore24 product sync now
         * @description Runs the same sync as the six-hourly schedule and answers with its log row once it has finished. A run that could not read the whole listing is still `200`: its `error_message` says what failed, and the products written before the failure stay written; nothing is deactivated unless the whole listing was read. The sync works as PAM itself on a connection of its own, so it commits whatever becomes of this request.
         */
        post: operations["syncProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole catalogue, inactive products included, newest first */
        get: operations["listAllProducts"];
        put?: never;
        /**
         * Add a product by hand
         * @description `digistore24_id` is unique: a second product with the same one is `409`.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get any product, active or not */
        get: operations["getAnyProduct"];
        put?: never;
        post?: never;
        /**
         * Delete a product, or deactivate it if it is still referenced
         * @description A product that affiliate sales or users' wishlists refer to is not deleted: deleting would unlink the sales history and silently empty those wishlists. It is deactivated instead (hidden from the shop, as a `PATCH` of `is_active: false` would) and returned with `200`. Any other product is deleted: `204`.
         */
        delete: operations["deleteOrDeactivateProduct"];
        options?: never;
        head?: never;
        /**
         * Change a product by hand
         * @description On a product with a `digistore24_id`, every column named in the request is added to `metadata.manual_fields` (a JSON array of column names, kept sorted and merged with what it held before). The Digistore24 product sync never overwrites those columns. Sending `metadata` replaces it, except that `manual_fields` is carried over unless the request sends its own list: send `{"metadata": {"manual_fields": []}}` to hand every column back to the sync.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/v1/admin/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The moderation queue: reports, oldest first
         * @description Users' reports and the moderation rules' own (`reporter_id` null, `flagged_reason` `automated`). `content` is the reported content as it is now, removed or not.
         */
        get: operations["listModerationQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/moderation/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Decide a report
         * @description `removed` deactivates the content (`is_active = false`): only its author and administrators still see it, and a later `approved` or `rejected` restores it. `approved` and `rejected` leave the content up and release a hold. The decision settles every pending report on the same content; each change is in the audit log.
         */
        patch: operations["moderateReport"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            /** @enum {string} */
            database: "ok" | "unavailable";
        };
        Problem: {
            /** @example /problems/not_found */
            type: string;
            title: string;
            status: number;
            detail: string;
            request_id: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        Digistore24Ipn: {
            /** @example on_payment */
            event: string;
            /** @description SHA-512 of the sorted non-empty fields and the IPN passphrase */
            sha_sign: string;
            order_id?: string;
            order_item_id?: string;
            product_id?: string;
            amount?: string;
            amount_affiliate?: string;
            currency?: string;
            /** @description Carries `m:<user id>` from the checkout link */
            custom?: string;
        } & {
            [key: string]: string;
        };
        Profile: {
            /** Format: uuid */
            id: string;
            email: string;
            full_name: string | null;
            avatar_url: string | null;
            bio: string | null;
            phone: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            date_of_birth: string | null;
            location: {
                [key: string]: unknown;
            } | null;
            preferences: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            subscription_tier: "free" | "premium" | "enterprise";
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            subscription_expires_at: string | null;
            is_admin: boolean;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        ProfileUpdate: {
            full_name?: string | null;
            /** Format: uri */
            avatar_url?: string | null;
            bio?: string | null;
            phone?: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            date_of_birth?: string | null;
            location?: {
                [key: string]: unknown;
            } | null;
            preferences?: {
                [key: string]: unknown;
            };
        };
        AccountExport: {
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            exported_at: string;
            profile: components["schemas"]["Profile"];
            user_sessions: {
                [key: string]: unknown;
            }[];
            todos: {
                [key: string]: unknown;
            }[];
            todo_subtasks: {
                [key: string]: unknown;
            }[];
            budgets: {
                [key: string]: unknown;
            }[];
            budget_categories: {
                [key: string]: unknown;
            }[];
            expenses: {
                [key: string]: unknown;
            }[];
            income_sources: {
                [key: string]: unknown;
            }[];
            income_entries: {
                [key: string]: unknown;
            }[];
            vehicles: {
                [key: string]: unknown;
            }[];
            vehicle_maintenance: {
                [key: string]: unknown;
            }[];
            trips: {
                [key: string]: unknown;
            }[];
            social_groups: {
                [key: string]: unknown;
            }[];
            group_memberships: {
                [key: string]: unknown;
            }[];
            posts: {
                [key: string]: unknown;
            }[];
            post_likes: {
                [key: string]: unknown;
            }[];
            comments: {
                [key: string]: unknown;
            }[];
            user_blocks: {
                [key: string]: unknown;
            }[];
            content_moderation: {
                [key: string]: unknown;
            }[];
            pam_conversations: {
                [key: string]: unknown;
            }[];
            pam_messages: {
                [key: string]: unknown;
            }[];
            pam_message_feedback: {
                [key: string]: unknown;
            }[];
            pam_notices: {
                [key: string]: unknown;
            }[];
            user_knowledge: {
                [key: string]: unknown;
            }[];
            knowledge_chunks: {
                [key: string]: unknown;
            }[];
            user_wishlists: {
                [key: string]: unknown;
            }[];
            affiliate_sales: {
                [key: string]: unknown;
            }[];
        };
        SessionList: {
            data: components["schemas"]["Session"][];
            next_cursor: string | null;
        };
        Session: {
            /** Format: uuid */
            id: string;
            ip_address: string | null;
            user_agent: string | null;
            device_info: {
                [key: string]: unknown;
            } | null;
            location: {
                [key: string]: unknown;
            } | null;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            ended_at: string | null;
            /** @description Whether this request was made with this session */
            current: boolean;
        };
        TodoList: {
            data: components["schemas"]["Todo"][];
            next_cursor: string | null;
        };
        Todo: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            title: string;
            description: string | null;
            /** @enum {string} */
            status: "pending" | "in_progress" | "completed" | "cancelled";
            /** @enum {string} */
            priority: "low" | "medium" | "high" | "urgent";
            category: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            due_date: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            completed_at: string | null;
            /** Format: uuid */
            trip_id: string | null;
            /** Format: uuid */
            expense_id: string | null;
            /** Format: uuid */
            budget_id: string | null;
            tags: string[] | null;
            metadata: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            reminder_at: string | null;
            /** @enum {string|null} */
            recurrence_pattern: "daily" | "weekly" | "monthly" | "yearly" | null;
            /**
             * Format: uuid
             * @description Set by the server once a completed recurring todo has produced its next occurrence
             */
            next_occurrence_id: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        TodoCreate: {
            title: string;
            description?: string | null;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed" | "cancelled";
            /** @enum {string} */
            priority?: "low" | "medium" | "high" | "urgent";
            category?: string | null;
            /** Format: date-time */
            due_date?: string | null;
            /** Format: uuid */
            trip_id?: string | null;
            /** Format: uuid */
            expense_id?: string | null;
            /** Format: uuid */
            budget_id?: string | null;
            tags?: string[] | null;
            metadata?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            reminder_at?: string | null;
            /** @enum {string|null} */
            recurrence_pattern?: "daily" | "weekly" | "monthly" | "yearly" | null;
        };
        TodoUpdate: {
            title?: string;
            description?: string | null;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed" | "cancelled";
            /** @enum {string} */
            priority?: "low" | "medium" | "high" | "urgent";
            category?: string | null;
            /** Format: date-time */
            due_date?: string | null;
            /** Format: uuid */
            trip_id?: string | null;
            /** Format: uuid */
            expense_id?: string | null;
            /** Format: uuid */
            budget_id?: string | null;
            tags?: string[] | null;
            metadata?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            reminder_at?: string | null;
            /** @enum {string|null} */
            recurrence_pattern?: "daily" | "weekly" | "monthly" | "yearly" | null;
        };
        SubtaskList: {
            data: components["schemas"]["Subtask"][];
            next_cursor: null;
        };
        Subtask: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            todo_id: string;
            title: string;
            is_completed: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            completed_at: string | null;
            position: number;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        SubtaskCreate: {
            title: string;
            is_completed?: boolean;
            /** @description Where the subtask goes in the list; the others shift to keep every position distinct. Adding defaults to the end; past the end is the end. */
            position?: number;
        };
        SubtaskUpdate: {
            title?: string;
            is_completed?: boolean;
            /** @description Where the subtask goes in the list; the others shift to keep every position distinct. Adding defaults to the end; past the end is the end. */
            position?: number;
        };
        SubtaskOrder: {
            /** @description Every subtask of the todo, in the new order */
            ids: string[];
        };
        VehicleList: {
            data: components["schemas"]["Vehicle"][];
            next_cursor: string | null;
        };
        Vehicle: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            make: string;
            model: string;
            year: number;
            license_plate: string | null;
            vin: string | null;
            color: string | null;
            /** @enum {string} */
            fuel_type: "gasoline" | "diesel" | "electric" | "hybrid" | "other";
            /** @description { city, highway, combined, unit } */
            fuel_efficiency: {
                [key: string]: unknown;
            } | null;
            insurance_info: {
                [key: string]: unknown;
            } | null;
            is_primary: boolean;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        VehicleCreate: {
            make: string;
            model: string;
            year: number;
            license_plate?: string | null;
            vin?: string | null;
            color?: string | null;
            /** @enum {string} */
            fuel_type?: "gasoline" | "diesel" | "electric" | "hybrid" | "other";
            fuel_efficiency?: {
                [key: string]: unknown;
            } | null;
            insurance_info?: {
                [key: string]: unknown;
            } | null;
            is_primary?: boolean;
            is_active?: boolean;
        };
        VehicleUpdate: {
            make?: string;
            model?: string;
            year?: number;
            license_plate?: string | null;
            vin?: string | null;
            color?: string | null;
            /** @enum {string} */
            fuel_type?: "gasoline" | "diesel" | "electric" | "hybrid" | "other";
            fuel_efficiency?: {
                [key: string]: unknown;
            } | null;
            insurance_info?: {
                [key: string]: unknown;
            } | null;
            is_primary?: boolean;
            is_active?: boolean;
        };
        MaintenanceRecordList: {
            data: components["schemas"]["MaintenanceRecord"][];
            next_cursor: string | null;
        };
        MaintenanceRecord: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            vehicle_id: string;
            /** @example oil_change */
            maintenance_type: string;
            description: string | null;
            /** @example 12.50 */
            cost: string | null;
            mileage: number | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            service_date: string;
            /**
             * Format: date
             * @example 2026-11-25
             */
            next_service_date: string | null;
            next_service_mileage: number | null;
            vendor: string | null;
            notes: string | null;
            receipt_url: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        MaintenanceCreate: {
            /** @example oil_change */
            maintenance_type: string;
            description?: string | null;
            /** @example 12.50 */
            cost?: string;
            mileage?: number | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            service_date: string;
            /**
             * Format: date
             * @example 2026-11-25
             */
            next_service_date?: string | null;
            next_service_mileage?: number | null;
            vendor?: string | null;
            notes?: string | null;
            /** Format: uri */
            receipt_url?: string | null;
        };
        MaintenanceUpdate: {
            /** @example oil_change */
            maintenance_type?: string;
            description?: string | null;
            /** @example 12.50 */
            cost?: string;
            mileage?: number | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            service_date?: string;
            /**
             * Format: date
             * @example 2026-11-25
             */
            next_service_date?: string | null;
            next_service_mileage?: number | null;
            vendor?: string | null;
            notes?: string | null;
            /** Format: uri */
            receipt_url?: string | null;
        };
        UpcomingMaintenanceList: {
            data: components["schemas"]["UpcomingMaintenance"][];
            next_cursor: string | null;
        };
        UpcomingMaintenance: components["schemas"]["MaintenanceRecord"] & {
            vehicle: {
                /** Format: uuid */
                id: string;
                make: string;
                model: string;
                license_plate: string | null;
            };
            /** @description `next_service_date` is before today (UTC) */
            overdue: boolean;
            /** @description Days from today (UTC) to `next_service_date`; negative when overdue */
            days_until_due: number;
        };
        TripList: {
            data: components["schemas"]["Trip"][];
            next_cursor: string | null;
        };
        Trip: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            /** Format: uuid */
            vehicle_id: string | null;
            name: string;
            description: string | null;
            /** @description { address, coordinates, place_id } */
            origin: {
                [key: string]: unknown;
            };
            /** @description { address, coordinates, place_id } */
            destination: {
                [key: string]: unknown;
            };
            waypoints: {
                [key: string]: unknown;
            }[];
            /**
             * Format: date
             * @example 2026-11-25
             */
            start_date: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            end_date: string | null;
            /** @example 12.50 */
            estimated_distance: string | null;
            /** @example 12.50 */
            actual_distance: string | null;
            /** @example 12.50 */
            estimated_cost: string | null;
            /** @example 12.50 */
            actual_cost: string | null;
            /** @description Minutes */
            estimated_duration: number | null;
            /** @description Minutes */
            actual_duration: number | null;
            /** @enum {string} */
            status: "planned" | "in_progress" | "completed" | "cancelled";
            route_data: {
                [key: string]: unknown;
            } | null;
            weather_data: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        TripCreate: {
            /** Format: uuid */
            vehicle_id?: string | null;
            name: string;
            description?: string | null;
            /** @description { address, coordinates, place_id } */
            origin: {
                [key: string]: unknown;
            };
            /** @description { address, coordinates, place_id } */
            destination: {
                [key: string]: unknown;
            };
            waypoints?: {
                [key: string]: unknown;
            }[];
            /**
             * Format: date
             * @example 2026-11-25
             */
            start_date?: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            end_date?: string | null;
            /** @example 12.50 */
            estimated_distance?: string;
            /** @example 12.50 */
            actual_distance?: string;
            /** @example 12.50 */
            estimated_cost?: string;
            /** @example 12.50 */
            actual_cost?: string;
            estimated_duration?: number | null;
            actual_duration?: number | null;
            /** @enum {string} */
            status?: "planned" | "in_progress" | "completed" | "cancelled";
            route_data?: {
                [key: string]: unknown;
            } | null;
            weather_data?: {
                [key: string]: unknown;
            } | null;
        };
        TripDetail: components["schemas"]["Trip"] & {
            /**
             * @description Sum of the expenses linked to this trip
             * @example 12.50
             */
            expense_total: string;
            /** @description Number of todos linked to this trip */
            todo_count: number;
        };
        TripUpdate: {
            /** Format: uuid */
            vehicle_id?: string | null;
            name?: string;
            description?: string | null;
            /** @description { address, coordinates, place_id } */
            origin?: {
                [key: string]: unknown;
            };
            /** @description { address, coordinates, place_id } */
            destination?: {
                [key: string]: unknown;
            };
            waypoints?: {
                [key: string]: unknown;
            }[];
            /**
             * Format: date
             * @example 2026-11-25
             */
            start_date?: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            end_date?: string | null;
            /** @example 12.50 */
            estimated_distance?: string;
            /** @example 12.50 */
            actual_distance?: string;
            /** @example 12.50 */
            estimated_cost?: string;
            /** @example 12.50 */
            actual_cost?: string;
            estimated_duration?: number | null;
            actual_duration?: number | null;
            /** @enum {string} */
            status?: "planned" | "in_progress" | "completed" | "cancelled";
            route_data?: {
                [key: string]: unknown;
            } | null;
            weather_data?: {
                [key: string]: unknown;
            } | null;
            /** @description Required (true) to move a completed or cancelled trip back to planned or in_progress */
            reopen?: boolean;
        };
        ProductList: {
            data: components["schemas"]["Product"][];
            next_cursor: string | null;
        };
        Product: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            /** @example 12.50 */
            price: string;
            /** @example USD */
            currency: string;
            category: string;
            subcategory: string | null;
            tags: string[] | null;
            image_url: string | null;
            thumbnail_url: string | null;
            product_url: string | null;
            is_featured: boolean;
            stock_quantity: number | null;
            digistore24_id: string | null;
            vendor_name: string | null;
            vendor_rating: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
            /**
             * @description Digistore24 checkout link that attributes the purchase to you. Null for anonymous callers, for products not sold through Digistore24, and while the server has no affiliate id configured.
             * @example https://www.digistore24.com/redir/12345/pamaffiliate/?custom=m%3A3f1c9a4e-8a63-4c1b-9f0e-2b7d6c5a4e10
             */
            checkout_url: string | null;
        };
        WishlistItemList: {
            data: components["schemas"]["WishlistItem"][];
            next_cursor: string | null;
        };
        WishlistItem: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            /** Format: uuid */
            product_id: string;
            notes: string | null;
            priority: number;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            product: components["schemas"]["ProductSummary"];
        };
        /** @description Null once the product has been withdrawn from the catalogue */
        ProductSummary: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @example 12.50 */
            price: string;
            currency: string;
            category: string;
            image_url: string | null;
            thumbnail_url: string | null;
            is_featured: boolean;
            digistore24_id: string | null;
            checkout_url: string | null;
        } | null;
        WishlistAdd: {
            /** Format: uuid */
            product_id: string;
            notes?: string | null;
            /** @description 0-100, default 0 */
            priority?: number;
        };
        WishlistUpdate: {
            notes?: string | null;
            /** @description 0-100, default 0 */
            priority?: number;
        };
        AffiliateSaleList: {
            data: components["schemas"]["AffiliateSale"][];
            next_cursor: string | null;
            /** @description Per currency, over all your sales (not just this page, and regardless of `status`): sales that still stand (pending, confirmed or paid); test-mode sales are left out. */
            totals: components["schemas"]["AffiliateSaleTotals"][];
        };
        AffiliateSale: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            product_id: string | null;
            order_id: string;
            order_item_id: string;
            transaction_id: string | null;
            external_product_id: string | null;
            /** @example 12.50 */
            sale_amount: string;
            /** @example 12.50 */
            commission_amount: string;
            commission_percentage: string | null;
            currency: string;
            /** @enum {string} */
            status: "pending" | "confirmed" | "paid" | "refunded" | "chargeback" | "cancelled";
            platform: string;
            is_test: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            confirmed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            paid_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            refunded_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            chargeback_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        AffiliateSaleTotals: {
            currency: string;
            sale_count: number;
            /** @example 12.50 */
            sale_amount: string;
            /**
             * @description Commission of pending, confirmed and paid sales
             * @example 12.50
             */
            commission_amount: string;
            /**
             * @description Commission of paid sales
             * @example 12.50
             */
            commission_paid: string;
        };
        BudgetList: {
            data: components["schemas"]["Budget"][];
            next_cursor: string | null;
        };
        Budget: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            name: string;
            description: string | null;
            /** @example 12.50 */
            total_amount: string;
            /** @example EUR */
            currency: string;
            /** @enum {string} */
            budget_period: "weekly" | "monthly" | "yearly";
            /**
             * Format: date
             * @example 2026-11-25
             */
            start_date: string;
            /**
             * Format: date
             * @example 2026-11-25
             */
            end_date: string | null;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        BudgetCreate: {
            name: string;
            description?: string | null;
            /** @example 12.50 */
            total_amount: string;
            /** @example EUR */
            currency?: string;
            /** @enum {string} */
            budget_period?: "weekly" | "monthly" | "yearly";
            /**
             * Format: date
             * @example 2026-11-25
             */
            start_date: string;
            /**
             * Format: date
             * @description On or after `start_date`
             * @example 2026-11-25
             */
            end_date?: string | null;
            is_active?: boolean;
        };
        BudgetUpdate: {
            name?: string;
            description?: string | null;
            /** @example 12.50 */
            total_amount?: string;
            /** @example EUR */
            currency?: string;
            /** @enum {string} */
            budget_period?: "weekly" | "monthly" | "yearly";
            /**
             * Format: date
             * @example 2026-11-25
             */
            start_date?: string;
            /**
             * Format: date
             * @description On or after `start_date`
             * @example 2026-11-25
             */
            end_date?: string | null;
            is_active?: boolean;
        };
        BudgetSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            name: string;
            /** @example EUR */
            currency: string;
            /** @example 12.50 */
            total_amount: string;
            /**
             * @description Sum of the active categories’ allocations
             * @example 12.50
             */
            total_allocated: string;
            /**
             * @description Sum of the active categories’ spending
             * @example 12.50
             */
            total_spent: string;
            /**
             * @description `total_amount` minus `total_spent`; negative when overspent
             * @example 12.50
             */
            remaining_budget: string;
        };
        BudgetCategoryList: {
            data: components["schemas"]["BudgetCategory"][];
            next_cursor: null;
        };
        BudgetCategory: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            budget_id: string;
            name: string;
            description: string | null;
            /** @example 12.50 */
            allocated_amount: string;
            /**
             * @description Sum of the expenses linked to this category; kept by the server
             * @example 12.50
             */
            spent_amount: string;
            /** @enum {string} */
            category_type: "income" | "expense" | "savings" | "debt";
            color: string | null;
            icon: string | null;
            /** Format: uuid */
            parent_category_id: string | null;
            sort_order: number;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        BudgetCategoryCreate: {
            name: string;
            description?: string | null;
            /** @example 12.50 */
            allocated_amount: string;
            /** @enum {string} */
            category_type?: "income" | "expense" | "savings" | "debt";
            color?: string | null;
            icon?: string | null;
            /**
             * Format: uuid
             * @description Another category of the same budget
             */
            parent_category_id?: string | null;
            sort_order?: number;
            is_active?: boolean;
        };
        BudgetCategoryUpdate: {
            name?: string;
            description?: string | null;
            /** @example 12.50 */
            allocated_amount?: string;
            /** @enum {string} */
            category_type?: "income" | "expense" | "savings" | "debt";
            color?: string | null;
            icon?: string | null;
            /**
             * Format: uuid
             * @description Another category of the same budget
             */
            parent_category_id?: string | null;
            sort_order?: number;
            is_active?: boolean;
        };
        ExpenseList: {
            data: components["schemas"]["Expense"][];
            next_cursor: string | null;
        };
        Expense: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            /** @example 12.50 */
            amount: string;
            description: string;
            category: string;
            subcategory: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            expense_date: string;
            payment_method: string | null;
            vendor: string | null;
            location: {
                [key: string]: unknown;
            } | null;
            receipt_url: string | null;
            notes: string | null;
            tags: string[] | null;
            /** Format: uuid */
            budget_category_id: string | null;
            /** Format: uuid */
            trip_id: string | null;
            is_recurring: boolean;
            recurring_pattern: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date
             * @description Set by the server: the last date for which this recurring expense has produced an entry
             * @example 2026-11-25
             */
            recurring_generated_through: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        ExpenseCreate: {
            /** @example 12.50 */
            amount: string;
            description: string;
            category: string;
            subcategory?: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            expense_date: string;
            /** @example credit_card */
            payment_method?: string | null;
            vendor?: string | null;
            location?: {
                [key: string]: unknown;
            } | null;
            /** Format: uri */
            receipt_url?: string | null;
            notes?: string | null;
            tags?: string[] | null;
            /**
             * Format: uuid
             * @description A category of one of your budgets; its `spent_amount` follows this expense's amount
             */
            budget_category_id?: string | null;
            /** Format: uuid */
            trip_id?: string | null;
            is_recurring?: boolean;
            recurring_pattern?: components["schemas"]["RecurringExpensePattern"];
        };
        RecurringExpensePattern: {
            /** @enum {string} */
            frequency: "daily" | "weekly" | "monthly" | "yearly";
            /** @default 1 */
            interval: number;
            /** Format: date */
            until?: string | null;
        } | null;
        ExpenseSummary: {
            /** @enum {string} */
            group_by: "category" | "month";
            /**
             * Format: date
             * @example 2026-11-25
             */
            from: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            to: string | null;
            /** @example 12.50 */
            total: string;
            count: number;
            groups: {
                /**
                 * @description The category, or the month as `YYYY-MM`
                 * @example fuel
                 */
                key: string;
                /** @example 12.50 */
                total: string;
                count: number;
            }[];
        };
        ExpenseUpdate: {
            /** @example 12.50 */
            amount?: string;
            description?: string;
            category?: string;
            subcategory?: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            expense_date?: string;
            /** @example credit_card */
            payment_method?: string | null;
            vendor?: string | null;
            location?: {
                [key: string]: unknown;
            } | null;
            /** Format: uri */
            receipt_url?: string | null;
            notes?: string | null;
            tags?: string[] | null;
            /**
             * Format: uuid
             * @description A category of one of your budgets; its `spent_amount` follows this expense's amount
             */
            budget_category_id?: string | null;
            /** Format: uuid */
            trip_id?: string | null;
            is_recurring?: boolean;
            recurring_pattern?: components["schemas"]["RecurringExpensePattern"];
        };
        IncomeSourceList: {
            data: components["schemas"]["IncomeSource"][];
            next_cursor: string | null;
        };
        IncomeSource: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            name: string;
            description: string | null;
            /** @example 12.50 */
            amount: string;
            /** @enum {string} */
            frequency: "one-time" | "weekly" | "bi-weekly" | "monthly" | "quarterly" | "yearly";
            /**
             * Format: date
             * @example 2026-11-25
             */
            next_payment_date: string | null;
            is_active: boolean;
            tax_category: string | null;
            employer_info: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        IncomeSourceCreate: {
            name: string;
            description?: string | null;
            /** @example 12.50 */
            amount: string;
            /** @enum {string} */
            frequency: "one-time" | "weekly" | "bi-weekly" | "monthly" | "quarterly" | "yearly";
            /**
             * Format: date
             * @example 2026-11-25
             */
            next_payment_date?: string | null;
            is_active?: boolean;
            tax_category?: string | null;
            employer_info?: {
                [key: string]: unknown;
            } | null;
        };
        IncomeSourceUpdate: {
            name?: string;
            description?: string | null;
            /** @example 12.50 */
            amount?: string;
            /** @enum {string} */
            frequency?: "one-time" | "weekly" | "bi-weekly" | "monthly" | "quarterly" | "yearly";
            /**
             * Format: date
             * @example 2026-11-25
             */
            next_payment_date?: string | null;
            is_active?: boolean;
            tax_category?: string | null;
            employer_info?: {
                [key: string]: unknown;
            } | null;
        };
        IncomeEntryList: {
            data: components["schemas"]["IncomeEntry"][];
            next_cursor: string | null;
        };
        IncomeEntry: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            /** Format: uuid */
            income_source_id: string | null;
            /** @example 12.50 */
            amount: string;
            description: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            income_date: string;
            /** @example 12.50 */
            tax_withheld: string;
            notes: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        IncomeEntryCreate: {
            /**
             * Format: uuid
             * @description One of your income sources
             */
            income_source_id?: string | null;
            /** @example 12.50 */
            amount: string;
            description?: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            income_date: string;
            /** @example 12.50 */
            tax_withheld?: string;
            notes?: string | null;
        };
        IncomeEntryUpdate: {
            /**
             * Format: uuid
             * @description One of your income sources
             */
            income_source_id?: string | null;
            /** @example 12.50 */
            amount?: string;
            description?: string | null;
            /**
             * Format: date
             * @example 2026-11-25
             */
            income_date?: string;
            /** @example 12.50 */
            tax_withheld?: string;
            notes?: string | null;
        };
        PamConversationList: {
            data: components["schemas"]["PamConversation"][];
            next_cursor: string | null;
        };
        PamConversation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            /** @description Taken from the first message */
            title: string | null;
            /** @description What the client said about where the user is in the app */
            context: {
                [key: string]: unknown;
            } | null;
            message_count: number;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            last_activity: string;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        PamConversationCreate: {
            title?: string;
            /**
             * @description Where the user is in the app (screen, trip, vehicle, ...); PAM reads it with every turn
             * @example {
             *       "screen": "budgets",
             *       "budget_id": "3f1c9a4e-8a63-4c1b-9f0e-2b7d6c5a4e10"
             *     }
             */
            context?: {
                [key: string]: unknown;
            };
        };
        PamConversationWithMessages: components["schemas"]["PamConversation"] & {
            messages: components["schemas"]["PamMessage"][];
        };
        PamMessage: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            conversation_id: string;
            /** @enum {string} */
            role: "user" | "assistant" | "system";
            content: string;
            /**
             * @description How the turn ended, on PAM's replies: `failed` (the provider failed), `interrupted` (a limit was reached)
             * @enum {string}
             */
            status: "complete" | "failed" | "interrupted";
            client_message_id: string | null;
            /**
             * Format: uuid
             * @description On PAM's replies: the message answered
             */
            reply_to: string | null;
            /** @description On replies: model, token usage, latency_ms, time_to_first_token_ms, tool_calls */
            metadata: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        PamFeedback: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            message_id: string;
            /** Format: uuid */
            user_id: string;
            /** @enum {string} */
            rating: "up" | "down";
            comment: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        PamFeedbackInput: {
            /** @enum {string} */
            rating: "up" | "down";
            comment?: string | null;
        };
        /** @description The stored user message and PAM's stored reply (null while a duplicate send is still being answered) */
        PamTurn: {
            user_message: components["schemas"]["PamMessage"];
            assistant_message: components["schemas"]["PamMessage"] & (Record<string, never> | null);
        };
        PamMessageInput: {
            content: string;
            /**
             * @description Your own id for this message, unique in the conversation: sending it again returns the first turn (or waits for it) instead of a second reply
             * @example c1f6f0a2-4d0e-4b8e-9d52-0d4b3b1e7a11
             */
            client_message_id?: string;
        };
        PamNoticeList: {
            data: components["schemas"]["PamNotice"][];
            next_cursor: string | null;
        };
        PamNotice: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            /** @enum {string} */
            kind: "todo_reminder" | "maintenance_due" | "budget_threshold";
            title: string;
            body: string;
            /** @description What the notice is about: todo_id, maintenance_id, budget_category_id, ... */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            read_at: string | null;
            /**
             * Format: date-time
             * @description When PAM mentioned it in a reply
             * @example 2026-11-25T07:06:18.123Z
             */
            mentioned_at: string | null;
        };
        PamNoticeUpdate: {
            read: boolean;
        };
        PamToolList: {
            data: components["schemas"]["PamTool"][];
        };
        PamTool: {
            /** @example log_expense */
            name: string;
            description: string;
            /** @description JSON Schema of the arguments */
            parameters: {
                [key: string]: unknown;
            };
            /** @description Writes something others can see: PAM asks the user to confirm first */
            asks_first: boolean;
        };
        KnowledgeSearchResults: {
            query: string;
            /**
             * @description hybrid: meaning and words; full_text: words alone, because the question could not be embedded
             * @enum {string}
             */
            mode: "hybrid" | "full_text";
            data: components["schemas"]["KnowledgeSearchResult"][];
        };
        KnowledgeSearchResult: {
            /** @description Reciprocal rank fusion: the sum of 1/(60 + rank) over the rankings that found the chunk */
            score: number;
            ranks: {
                /** @description Rank by meaning (cosine similarity), from 1; null if not among its candidates */
                vector: number | null;
                /** @description Rank by words, from 1; null if the words do not match */
                full_text: number | null;
            };
            chunk: {
                /** Format: uuid */
                id: string;
                /** @description Order within the document, from 0 */
                position: number;
                content: string;
                /**
                 * @description pending: not embedded yet; embedded: searchable by meaning; failed: the last attempt failed and another is scheduled
                 * @enum {string}
                 */
                embedding_status: "pending" | "embedded" | "failed";
            };
            document: {
                /** Format: uuid */
                id: string;
                title: string;
                /** @description Published by an administrator for everyone; read-only for users */
                is_shared: boolean;
                document_type: string | null;
                source_url: string | null;
                metadata: {
                    [key: string]: unknown;
                } | null;
                /**
                 * Format: date-time
                 * @example 2026-11-25T07:06:18.123Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @example 2026-11-25T07:06:18.123Z
                 */
                updated_at: string;
            };
        };
        KnowledgeDocumentList: {
            data: components["schemas"]["KnowledgeDocument"][];
            next_cursor: string | null;
        };
        KnowledgeDocument: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Null for shared knowledge
             */
            user_id: string | null;
            /** @description Published by an administrator for everyone; read-only for users */
            is_shared: boolean;
            title: string;
            content: string;
            document_type: string | null;
            source_url: string | null;
            metadata: {
                [key: string]: unknown;
            } | null;
            /** @description Inactive documents are kept but not searched */
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
            embedding: components["schemas"]["KnowledgeEmbedding"];
        };
        KnowledgeEmbedding: {
            /**
             * @description failed if any chunk failed, else pending if any is pending, else embedded
             * @enum {string}
             */
            status: "pending" | "embedded" | "failed";
            chunks: number;
            embedded: number;
            pending: number;
            failed: number;
        };
        KnowledgeDocumentWithChunks: components["schemas"]["KnowledgeDocument"] & {
            chunks: components["schemas"]["KnowledgeChunk"][];
        };
        KnowledgeChunk: {
            /** Format: uuid */
            id: string;
            /** @description Order within the document, from 0 */
            position: number;
            content: string;
            /** @description Estimated tokens */
            token_count: number;
            /**
             * @description pending: not embedded yet; embedded: searchable by meaning; failed: the last attempt failed and another is scheduled
             * @enum {string}
             */
            embedding_status: "pending" | "embedded" | "failed";
            embedding_model: string | null;
            /** @description Failed embedding attempts so far */
            attempts: number;
            /**
             * Format: date-time
             * @description When a pending or failed chunk is tried (again)
             * @example 2026-11-25T07:06:18.123Z
             */
            next_attempt_at: string;
            last_error: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            embedded_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        KnowledgeCreate: {
            title: string;
            content: string;
            /** @example note */
            document_type?: string | null;
            /** Format: uri */
            source_url?: string | null;
            metadata?: {
                [key: string]: unknown;
            };
            is_active?: boolean;
        };
        KnowledgeUpdate: {
            title?: string;
            content?: string;
            /** @example note */
            document_type?: string | null;
            /** Format: uri */
            source_url?: string | null;
            metadata?: {
                [key: string]: unknown;
            };
            is_active?: boolean;
        };
        SharedKnowledgeList: {
            data: components["schemas"]["KnowledgeDocument"][];
            next_cursor: string | null;
        };
        GroupList: {
            data: components["schemas"]["Group"][];
            next_cursor: string | null;
        };
        Group: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            category: string | null;
            /** @enum {string} */
            privacy_level: "public" | "private" | "invite_only";
            group_image_url: string | null;
            location: {
                [key: string]: unknown;
            } | null;
            /** @description Active members, kept by the database */
            member_count: number;
            /** Format: uuid */
            creator_id: string | null;
            /** @description False once moderation removed the group */
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        GroupCreate: {
            name: string;
            description?: string | null;
            /** @example travel */
            category?: string | null;
            /**
             * @description Default public
             * @enum {string}
             */
            privacy_level?: "public" | "private" | "invite_only";
            /** Format: uri */
            group_image_url?: string | null;
            location?: {
                [key: string]: unknown;
            } | null;
        };
        GroupUpdate: {
            name?: string;
            description?: string | null;
            /** @example travel */
            category?: string | null;
            /**
             * @description Default public
             * @enum {string}
             */
            privacy_level?: "public" | "private" | "invite_only";
            /** Format: uri */
            group_image_url?: string | null;
            location?: {
                [key: string]: unknown;
            } | null;
        };
        GroupMembershipList: {
            data: components["schemas"]["GroupMembership"][];
            next_cursor: string | null;
        };
        GroupMembership: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            group_id: string;
            /** Format: uuid */
            user_id: string;
            /** @enum {string} */
            role: "member" | "moderator" | "admin";
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            joined_at: string;
            is_active: boolean;
        };
        GroupMemberAdd: {
            /** Format: uuid */
            user_id: string;
            /**
             * @description Default member; only admins add moderators and admins
             * @enum {string}
             */
            role?: "member" | "moderator" | "admin";
        };
        GroupMemberRoleChange: {
            /** @enum {string} */
            role: "member" | "moderator" | "admin";
        };
        PostList: {
            data: components["schemas"]["Post"][];
            next_cursor: string | null;
        };
        Post: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            author_id: string;
            /** Format: uuid */
            group_id: string | null;
            title: string | null;
            content: string;
            /** @enum {string} */
            post_type: "text" | "image" | "link" | "poll" | "event";
            media_urls: string[] | null;
            metadata: {
                [key: string]: unknown;
            } | null;
            /**
             * @description `public`: everyone who may see the group (everyone, outside a group); `group`: its members; `private`: the author alone
             * @enum {string}
             */
            visibility: "public" | "group" | "private";
            /** @description Kept by the database */
            like_count: number;
            /** @description Kept by the database */
            comment_count: number;
            is_pinned: boolean;
            /** @description False once moderation removed the post; only its author still sees it */
            is_active: boolean;
            /**
             * Format: date-time
             * @description Set while enough reports await review; until then only its author sees the post
             * @example 2026-11-25T07:06:18.123Z
             */
            hidden_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        PostCreate: {
            /**
             * Format: uuid
             * @description Post in a group the caller is a member of
             */
            group_id?: string | null;
            title?: string | null;
            content: string;
            /** @enum {string} */
            post_type?: "text" | "image" | "link" | "poll" | "event";
            media_urls?: string[] | null;
            metadata?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description Default `group` in a group, `public` outside one
             * @enum {string}
             */
            visibility?: "public" | "group" | "private";
        };
        PostUpdate: {
            title?: string | null;
            content?: string;
            /** @enum {string} */
            post_type?: "text" | "image" | "link" | "poll" | "event";
            media_urls?: string[] | null;
            metadata?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description Default `group` in a group, `public` outside one
             * @enum {string}
             */
            visibility?: "public" | "group" | "private";
        };
        LikeState: {
            /** Format: uuid */
            post_id: string;
            liked: boolean;
            like_count: number;
        };
        CommentList: {
            data: components["schemas"]["Comment"][];
            next_cursor: string | null;
        };
        Comment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            post_id: string;
            /** Format: uuid */
            author_id: string;
            /** Format: uuid */
            parent_comment_id: string | null;
            content: string;
            like_count: number;
            /** @description False once moderation removed the comment; only its author still sees it */
            is_active: boolean;
            /**
             * Format: date-time
             * @description Set while enough reports await review
             * @example 2026-11-25T07:06:18.123Z
             */
            hidden_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        CommentCreate: {
            content: string;
            /**
             * Format: uuid
             * @description The comment this one answers, on the same post
             */
            parent_comment_id?: string | null;
        };
        CommentUpdate: {
            content?: string;
        };
        UserBlock: {
            /** Format: uuid */
            blocker_id: string;
            /** Format: uuid */
            blocked_id: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        UserBlockList: {
            data: components["schemas"]["UserBlock"][];
            next_cursor: string | null;
        };
        Report: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            content_type: "post" | "comment" | "profile" | "group";
            /** Format: uuid */
            content_id: string;
            /** @enum {string} */
            flagged_reason: "spam" | "harassment" | "hate" | "sexual" | "violence" | "illegal" | "scam" | "off_topic" | "other";
            additional_context: string | null;
            /**
             * @description `pending` awaits review; `approved`: the content may stay; `rejected`: the report is unfounded and the content stays; `removed`: the content was taken down
             * @enum {string}
             */
            status: "pending" | "approved" | "rejected" | "removed";
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        ReportCreate: {
            /** @enum {string} */
            content_type: "post" | "comment" | "profile" | "group";
            /** Format: uuid */
            content_id: string;
            /** @enum {string} */
            flagged_reason: "spam" | "harassment" | "hate" | "sexual" | "violence" | "illegal" | "scam" | "off_topic" | "other";
            /** @description Required when the reason is `other` */
            additional_context?: string | null;
        };
        ReportList: {
            data: components["schemas"]["Report"][];
            next_cursor: string | null;
        };
        ModerationReportList: {
            data: components["schemas"]["ModerationReport"][];
            next_cursor: string | null;
        };
        ModerationReport: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            content_type: "post" | "comment" | "profile" | "group";
            /** Format: uuid */
            content_id: string;
            /** @description The content as it stood when reported (not kept for profiles) */
            content_text: string | null;
            /** Format: uuid */
            author_id: string | null;
            author_email: string | null;
            /**
             * Format: uuid
             * @description Null for a report the moderation rules made
             */
            reporter_id: string | null;
            /** Format: uuid */
            group_id: string | null;
            /** @enum {string} */
            flagged_reason: "spam" | "harassment" | "hate" | "sexual" | "violence" | "illegal" | "scam" | "off_topic" | "other" | "automated";
            additional_context: string | null;
            /**
             * @description `pending` awaits review; `approved`: the content may stay; `rejected`: the report is unfounded and the content stays; `removed`: the content was taken down
             * @enum {string}
             */
            status: "pending" | "approved" | "rejected" | "removed";
            /** Format: uuid */
            moderator_id: string | null;
            moderator_notes: string | null;
            automated_flags: components["schemas"]["AutomatedFlag"][] | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
            content: components["schemas"]["ReportedContent"];
        };
        AutomatedFlag: {
            /** @example repeated_text */
            rule: string;
            /** @enum {string} */
            severity: "low" | "high";
            detail: string;
        };
        /** @description The content as it is now, as far as the caller may see it (administrators see removed content); null once gone */
        ReportedContent: {
            text: string | null;
            is_active: boolean;
            /** @description Held from view while enough reports await review */
            hidden: boolean;
        } | null;
        ModerationDecision: {
            /** @enum {string} */
            status: "approved" | "rejected" | "removed";
            moderator_notes?: string | null;
        };
        SystemSettingList: {
            data: components["schemas"]["SystemSetting"][];
            next_cursor: string | null;
        };
        SystemSetting: {
            /** Format: uuid */
            id: string;
            setting_key: string;
            /** @description Any JSON value */
            setting_value?: unknown;
            description: string | null;
            /**
             * Format: uuid
             * @description The administrator who last wrote it
             */
            updated_by: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        SystemSettingWrite: {
            /** @description Any JSON value but null */
            setting_value: unknown;
            /** @description Left as it is when omitted */
            description?: string | null;
        };
        AuditLogList: {
            data: components["schemas"]["AuditLog"][];
            next_cursor: string | null;
        };
        AuditLog: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Who made the change; null for server work or a since-deleted account
             */
            user_id: string | null;
            /**
             * @description INSERT, UPDATE or DELETE
             * @example UPDATE
             */
            action: string;
            table_name: string | null;
            /** Format: uuid */
            record_id: string | null;
            /** @description The row before an UPDATE or DELETE */
            old_values: {
                [key: string]: unknown;
            } | null;
            /** @description The row after an INSERT or UPDATE */
            new_values: {
                [key: string]: unknown;
            } | null;
            ip_address: string | null;
            user_agent: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        Digistore24SyncLogList: {
            data: components["schemas"]["Digistore24SyncLog"][];
            next_cursor: string | null;
        };
        Digistore24SyncLog: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            sync_started_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            sync_completed_at: string | null;
            products_added: number;
            products_updated: number;
            products_removed: number;
            categories_synced: string[] | null;
            error_message: string | null;
            /** @example 12.40 */
            sync_duration_seconds: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        Digistore24WebhookLogList: {
            data: components["schemas"]["Digistore24WebhookLog"][];
            next_cursor: string | null;
        };
        Digistore24WebhookLog: {
            /** Format: uuid */
            id: string;
            event_type: string;
            order_id: string | null;
            /** @description Digistore24's product id, not a PAM product id */
            product_id: string | null;
            /** @description The IPN fields as received, secrets already redacted when stored */
            request_data: {
                [key: string]: unknown;
            };
            signature_valid: boolean | null;
            processed: boolean;
            error_message: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
        };
        AdminProductList: {
            data: components["schemas"]["AdminProduct"][];
            next_cursor: string | null;
        };
        AdminProduct: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            /** @example 12.50 */
            price: string;
            currency: string;
            category: string;
            subcategory: string | null;
            tags: string[] | null;
            image_url: string | null;
            thumbnail_url: string | null;
            product_url: string | null;
            is_featured: boolean;
            is_active: boolean;
            stock_quantity: number | null;
            digistore24_id: string | null;
            /** @example 50.00 */
            commission_percentage: string | null;
            vendor_name: string | null;
            /** @example 4.50 */
            vendor_rating: string | null;
            auto_approve: boolean;
            marketplace_category: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            last_synced_at: string | null;
            metadata: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T07:06:18.123Z
             */
            updated_at: string;
        };
        AdminProductCreate: {
            name: string;
            description?: string | null;
            /** @example 12.50 */
            price: string;
            currency?: string;
            category: string;
            subcategory?: string | null;
            tags?: string[] | null;
            /** Format: uri */
            image_url?: string | null;
            /** Format: uri */
            thumbnail_url?: string | null;
            /** Format: uri */
            product_url?: string | null;
            is_featured?: boolean;
            is_active?: boolean;
            stock_quantity?: number | null;
            digistore24_id?: string | null;
            /** @example 12.50 */
            commission_percentage?: string;
            vendor_name?: string | null;
            /** @example 12.50 */
            vendor_rating?: string;
            auto_approve?: boolean;
            marketplace_category?: string | null;
            metadata?: {
                [key: string]: unknown;
            };
        };
        AdminProductUpdate: {
            name?: string;
            description?: string | null;
            /** @example 12.50 */
            price?: string;
            currency?: string;
            category?: string;
            subcategory?: string | null;
            tags?: string[] | null;
            /** Format: uri */
            image_url?: string | null;
            /** Format: uri */
            thumbnail_url?: string | null;
            /** Format: uri */
            product_url?: string | null;
            is_featured?: boolean;
            is_active?: boolean;
            stock_quantity?: number | null;
            digistore24_id?: string | null;
            /** @example 12.50 */
            commission_percentage?: string;
            vendor_name?: string | null;
            /** @example 12.50 */
            vendor_rating?: string;
            auto_approve?: boolean;
            marketplace_category?: string | null;
            metadata?: {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Serving, database reachable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Database unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    checkDigistore24Ipn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reachable */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    receiveDigistore24Ipn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["Digistore24Ipn"];
                "multipart/form-data": components["schemas"]["Digistore24Ipn"];
            };
        };
        responses: {
            /** @description Stored (or acknowledged); body starts with `OK` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Malformed: no order_id, an amount that is not one, an unreadable multipart body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signature missing or wrong, or no passphrase configured (logged or counted, nothing else changed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 65536 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable: nothing stored, Digistore24 retries */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileUpdate"];
            };
        };
        responses: {
            /** @description Your updated profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountExport"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTodos: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: "pending" | "in_progress" | "completed" | "cancelled";
                priority?: "low" | "medium" | "high" | "urgent";
                category?: string;
                tag?: string;
                trip_id?: string;
                due_before?: string;
                due_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of todos */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TodoList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTodo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TodoCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Todo"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTodo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The todo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Todo"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTodo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTodo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TodoUpdate"];
            };
        };
        responses: {
            /** @description The updated todo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Todo"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubtasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All subtasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubtaskList"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addSubtask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubtaskCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subtask"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSubtask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subtask_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSubtask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                subtask_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubtaskUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subtask"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reorderSubtasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubtaskOrder"];
            };
        };
        responses: {
            /** @description The subtasks in their new order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubtaskList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVehicles: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Only active (or only retired) vehicles */
                is_active?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of vehicles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VehicleList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VehicleCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vehicle"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The vehicle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vehicle"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateVehicle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VehicleUpdate"];
            };
        };
        responses: {
            /** @description The updated vehicle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vehicle"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMaintenance: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of maintenance records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceRecordList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logMaintenance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaintenanceCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceRecord"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMaintenance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                record_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMaintenance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                record_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaintenanceUpdate"];
            };
        };
        responses: {
            /** @description The updated record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaintenanceRecord"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    upcomingMaintenance: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Look-ahead in days, 1-3650 (default 30) */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of due maintenance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpcomingMaintenanceList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTrips: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: "planned" | "in_progress" | "completed" | "cancelled";
                /** @description Trips that end on or after this date */
                from?: string;
                /** @description Trips that start on or before this date */
                to?: string;
                vehicle_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of trips */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TripList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTrip: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TripCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trip"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trip */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TripDetail"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTrip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTrip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TripUpdate"];
            };
        };
        responses: {
            /** @description The updated trip */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trip"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchProducts: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Exact category */
                category?: string;
                featured?: "true" | "false";
                /** @description Text search over name, description and tags (English stemming; "quoted phrases", `or` and `-excluded` words work as in web search engines). Results are ranked by relevance, then newest first. Blank means no search. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWishlist: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of wishlist items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WishlistItemList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addToWishlist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WishlistAdd"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WishlistItem"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeFromWishlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWishlistItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WishlistUpdate"];
            };
        };
        responses: {
            /** @description The updated item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WishlistItem"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAffiliateSales: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                status?: "pending" | "confirmed" | "paid" | "refunded" | "chargeback" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sales with totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AffiliateSaleList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBudgets: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of budgets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBudget: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Budget"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The budget */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Budget"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetUpdate"];
            };
        };
        responses: {
            /** @description The updated budget */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Budget"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    budgetStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetSummary"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBudgetCategories: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetCategoryList"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addBudgetCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetCategoryCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetCategory"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteBudgetCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                category_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateBudgetCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                category_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetCategoryUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetCategory"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExpenses: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Earliest `expense_date`, inclusive */
                from?: string;
                /** @description Latest `expense_date`, inclusive */
                to?: string;
                category?: string;
                trip_id?: string;
                budget_category_id?: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of expenses */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logExpense: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Expense"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    expenseSummary: {
        parameters: {
            query?: {
                /** @description Earliest `expense_date`, inclusive */
                from?: string;
                /** @description Latest `expense_date`, inclusive */
                to?: string;
                category?: string;
                trip_id?: string;
                budget_category_id?: string;
                tag?: string;
                /** @description `month` groups by `YYYY-MM` of `expense_date` */
                group_by?: "category" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseSummary"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExpense: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The expense */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Expense"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteExpense: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateExpense: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseUpdate"];
            };
        };
        responses: {
            /** @description The updated expense */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Expense"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncomeSources: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of income sources */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeSourceList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addIncomeSource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomeSourceCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeSource"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncomeSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The income source */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeSource"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteIncomeSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateIncomeSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomeSourceUpdate"];
            };
        };
        responses: {
            /** @description The updated income source */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeSource"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIncomeEntries: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Earliest `income_date`, inclusive */
                from?: string;
                /** @description Latest `income_date`, inclusive */
                to?: string;
                income_source_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of income entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeEntryList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordIncome: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomeEntryCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeEntry"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncomeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The income entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeEntry"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteIncomeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateIncomeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomeEntryUpdate"];
            };
        };
        responses: {
            /** @description The updated income entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeEntry"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamConversationList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startConversation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PamConversationCreate"];
            };
        };
        responses: {
            /** @description Started */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamConversation"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamConversationWithMessages"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rateReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PamFeedbackInput"];
            };
        };
        responses: {
            /** @description Your feedback as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamFeedback"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PamMessageInput"];
            };
        };
        responses: {
            /** @description The turn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamTurn"];
                    "text/event-stream": string;
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service timed out */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotices: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description `true`: only notices not read yet */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamNoticeList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PamNoticeUpdate"];
            };
        };
        responses: {
            /** @description The notice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamNotice"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPamTools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every registered tool */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PamToolList"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchKnowledge: {
        parameters: {
            query: {
                /** @description The question or keywords; web search syntax ("quotes", -not, or) */
                q: string;
                /** @description Results, 1-50 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The best chunks, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeSearchResults"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listKnowledge: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description true: only shared knowledge; false: only your own; absent: both */
                shared?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeCreate"];
            };
        };
        responses: {
            /** @description Saved */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentWithChunks"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentWithChunks"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeUpdate"];
            };
        };
        responses: {
            /** @description The changed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentWithChunks"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSharedKnowledge: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of shared documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedKnowledgeList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishSharedKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeCreate"];
            };
        };
        responses: {
            /** @description Published */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentWithChunks"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSharedKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shared document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentWithChunks"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSharedKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSharedKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeUpdate"];
            };
        };
        responses: {
            /** @description The changed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocumentWithChunks"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGroups: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                category?: string;
                privacy_level?: "public" | "private" | "invite_only";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupUpdate"];
            };
        };
        responses: {
            /** @description The updated group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGroupMembers: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of memberships */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMembershipList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberAdd"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMembership"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group */
                id: string;
                /** @description The member */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group */
                id: string;
                /** @description The member */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupMemberRoleChange"];
            };
        };
        responses: {
            /** @description The membership */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMembership"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    joinGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Already a member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMembership"];
                };
            };
            /** @description Joined */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupMembership"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    leaveGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Left */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFeed: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                group_id?: string;
                author_id?: string;
                /** @description Text search over post bodies (English stemming; "quoted phrases", `or` and `-excluded` words work as in web search engines). Results are ranked by relevance, then newest first. Blank means no search. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of posts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The post */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostUpdate"];
            };
        };
        responses: {
            /** @description The updated post */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    likePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Liked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LikeState"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unlikePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not liked (any more) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listComments: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentUpdate"];
            };
        };
        responses: {
            /** @description The updated comment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Blocked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserBlock"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unblockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not blocked (any more) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBlocks: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of blocks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserBlockList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReports: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportContent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportCreate"];
            };
        };
        responses: {
            /** @description Already reported by you, pending review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Reported */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGroupReports: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description `pending` awaits review; `approved`: the content may stay; `rejected`: the report is unfounded and the content stays; `removed`: the content was taken down */
                status?: "pending" | "approved" | "rejected" | "removed";
                content_type?: "post" | "comment" | "profile" | "group";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationReportList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moderateGroupReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group */
                id: string;
                report_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModerationDecision"];
            };
        };
        responses: {
            /** @description The decided report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationReport"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSettings: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemSettingList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSetting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The setting */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemSetting"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putSetting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SystemSettingWrite"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemSetting"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemSetting"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                table_name?: string;
                user_id?: string;
                record_id?: string;
                action?: "INSERT" | "UPDATE" | "DELETE";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSyncLogs: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sync runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Digistore24SyncLogList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookLogs: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                event_type?: string;
                order_id?: string;
                signature_valid?: "true" | "false";
                processed?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhook calls */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Digistore24WebhookLogList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    syncProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log row of this run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Digistore24SyncLog"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAllProducts: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                category?: string;
                is_active?: "true" | "false";
                is_featured?: "true" | "false";
                digistore24_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProductList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminProductCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProduct"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAnyProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProduct"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrDeactivateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Still referenced, so deactivated instead */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProduct"];
                };
            };
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminProductUpdate"];
            };
        };
        responses: {
            /** @description The updated product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminProduct"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listModerationQueue: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description `pending` awaits review; `approved`: the content may stay; `rejected`: the report is unfounded and the content stays; `removed`: the content was taken down */
                status?: "pending" | "approved" | "rejected" | "removed";
                content_type?: "post" | "comment" | "profile" | "group";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationReportList"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moderateReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModerationDecision"];
            };
        };
        responses: {
            /** @description The decided report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationReport"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this caller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream service (token keys, a provider) failed; see Retry-After */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
